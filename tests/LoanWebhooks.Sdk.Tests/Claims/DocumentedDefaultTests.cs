using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Quarantine;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Providers;
using LoanWebhooks.Sdk.Tests.Dispatch;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Claims;

/// <summary>
/// Each default the README states, pinned by what it does with default options: changing a default to any other value
/// fails one of these tests.
/// </summary>
public sealed class DocumentedDefaultTests
{
    private const int OneMebibyte = 1024 * 1024;
    private static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);

    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task A_completed_key_is_a_duplicate_until_24_hours_have_passed_and_claimable_at_24_hours()
    {
        var store = new InMemoryWebhookIdempotencyStore(timeProvider: _time);
        await store.CompleteAsync(await store.ClaimAsync(Key("a")));

        _time.Advance(TimeSpan.FromHours(24) - OneTick);
        var justBefore = await store.ClaimAsync(Key("a"));
        _time.Advance(OneTick);
        var at24Hours = await store.ClaimAsync(Key("a"));

        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, justBefore.Status);
        Assert.Equal(WebhookClaimStatus.Claimed, at24Hours.Status);
    }

    [Fact]
    public async Task A_claim_blocks_its_key_until_5_minutes_have_passed_and_expires_at_5_minutes()
    {
        var store = new InMemoryWebhookIdempotencyStore(timeProvider: _time);
        await store.ClaimAsync(Key("a"));

        _time.Advance(TimeSpan.FromMinutes(5) - OneTick);
        var justBefore = await store.ClaimAsync(Key("a"));
        _time.Advance(OneTick);
        var at5Minutes = await store.ClaimAsync(Key("a"));

        Assert.Equal(WebhookClaimStatus.InProgress, justBefore.Status);
        Assert.Equal(WebhookClaimStatus.Claimed, at5Minutes.Status);
    }

    [Fact]
    public async Task The_store_keeps_100000_completed_keys_and_forgets_the_oldest_for_the_next()
    {
        var store = new InMemoryWebhookIdempotencyStore(timeProvider: _time);
        for (int i = 0; i < 100_000; i++)
        {
            await store.CompleteAsync(await store.ClaimAsync(Key(i.ToString(CultureInfo.InvariantCulture))));
        }

        int countAtLimit = store.Count;
        var oldestBeforeOverflow = await store.ClaimAsync(Key("0"));
        var newestAfterOverflow = await store.ClaimAsync(Key("99999"));

        Assert.Equal(100_000, countAtLimit);
        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, oldestBeforeOverflow.Status);
        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, newestAfterOverflow.Status);
        await store.ClaimAsync(Key("one more"));
        Assert.Equal(100_000, store.Count);
        Assert.Equal(WebhookClaimStatus.Claimed, (await store.ClaimAsync(Key("0"))).Status);
    }

    [Fact]
    public void The_store_option_defaults_are_24_hours_5_minutes_and_100000_entries()
    {
        var options = new InMemoryWebhookIdempotencyStoreOptions();

        Assert.Equal(TimeSpan.FromHours(24), options.CompletedRetention);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ClaimLease);
        Assert.Equal(100_000, options.MaxEntries);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Nesting_64_levels_deep_parses_and_65_is_MaxDepthExceeded(WebhookProvider provider)
    {
        var parser = BuiltInWebhookParsers.Default(provider);
        var sample = DocumentedSamples.For(provider)[0];
        string? expected = ProviderTestProfiles.For(provider).ExpectedEventTypeFor(sample.EventType);
        Type sampleType = parser.Parse(sample.Body.Span, expected).GetType();

        // The root object is level 1, so 63 nested arrays inside it make 64 levels.
        bool at64 = parser.TryParse(WithMember(sample, "nesting_probe", Nested(63)), out var parsed, out var error64, expected);
        bool at65 = parser.TryParse(WithMember(sample, "nesting_probe", Nested(64)), out _, out var error65, expected);

        Assert.True(at64, error64?.Message);
        Assert.IsType(sampleType, parsed);
        Assert.False(at65);
        Assert.Equal(WebhookParseErrorReason.MaxDepthExceeded, error65!.Reason);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void A_body_of_exactly_1_MiB_is_parsed_and_one_byte_more_is_BodyTooLarge(WebhookProvider provider)
    {
        var parser = BuiltInWebhookParsers.Default(provider);
        var sample = DocumentedSamples.For(provider)[0];
        string? expected = ProviderTestProfiles.For(provider).ExpectedEventTypeFor(sample.EventType);
        Type sampleType = parser.Parse(sample.Body.Span, expected).GetType();

        bool atLimit = parser.TryParse(PaddedTo(sample, OneMebibyte), out var parsed, out var atLimitError, expected);
        bool overLimit = parser.TryParse(PaddedTo(sample, OneMebibyte + 1), out _, out var overLimitError, expected);

        Assert.True(atLimit, atLimitError?.Message);
        Assert.IsType(sampleType, parsed);
        Assert.False(overLimit);
        Assert.Equal(WebhookParseErrorReason.BodyTooLarge, overLimitError!.Reason);
    }

    [Fact]
    public void The_parser_option_defaults_are_1_MiB_and_64_levels()
    {
        var options = new WebhookParserOptions();

        Assert.Equal(OneMebibyte, options.MaxBodyBytes);
        Assert.Equal(64, options.MaxDepth);
    }

    [Fact]
    public async Task The_default_quarantine_keeps_1000_entries_and_forgets_the_oldest_for_the_next()
    {
        var store = new InMemoryWebhookQuarantineStore();
        var entries = Enumerable.Range(0, 1_001).Select(i => Quarantined(i, bodyBytes: 64)).ToArray();
        foreach (var entry in entries.Take(1_000))
        {
            await store.AddAsync(entry);
        }

        int atLimit = (await store.ListAsync(int.MaxValue)).Count;
        await store.AddAsync(entries[1_000]);

        Assert.Equal(1_000, atLimit);
        Assert.Equal(1_000, (await store.ListAsync(int.MaxValue)).Count);
        Assert.Null(await store.GetAsync(entries[0].Id));
        Assert.NotNull(await store.GetAsync(entries[1].Id));
    }

    [Fact]
    public async Task The_default_quarantine_keeps_64_MiB_of_bodies_and_forgets_the_oldest_beyond()
    {
        var store = new InMemoryWebhookQuarantineStore();
        var entries = Enumerable.Range(0, 65).Select(i => Quarantined(i, bodyBytes: OneMebibyte)).ToArray();
        foreach (var entry in entries.Take(64))
        {
            await store.AddAsync(entry);
        }

        int atLimit = (await store.ListAsync(int.MaxValue)).Count;
        await store.AddAsync(entries[64]);

        Assert.Equal(64, atLimit);
        Assert.Equal(64, (await store.ListAsync(int.MaxValue)).Count);
        Assert.Null(await store.GetAsync(entries[0].Id));
    }

    [Fact]
    public void The_quarantine_option_defaults_are_1000_entries_and_64_MiB()
    {
        var options = new InMemoryWebhookQuarantineStoreOptions();

        Assert.Equal(1_000, options.MaxEntries);
        Assert.Equal(64L * OneMebibyte, options.MaxTotalBodyBytes);
    }

    public static TheoryData<WebhookProvider> Providers() => new(ProviderTestProfiles.All.Select(p => p.Provider));

    private static WebhookIdempotencyKey Key(string id) => new(WebhookProvider.Spinwheel, id, WebhookIdempotencyKeySource.ProviderId);

    private static string Nested(int arrays) => new string('[', arrays) + new string(']', arrays);

    /// <summary>The sample with one more member first in its root object (extension data to the parser).</summary>
    private static byte[] WithMember(DocumentedSample sample, string name, string json)
    {
        string text = sample.BodyText;
        int open = text.IndexOf('{', StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, open + 1), $"\"{name}\": {json},", text.AsSpan(open + 1)));
    }

    /// <summary>The sample followed by spaces up to exactly <paramref name="length"/> bytes.</summary>
    private static byte[] PaddedTo(DocumentedSample sample, int length)
    {
        byte[] body = new byte[length];
        body.AsSpan().Fill((byte)' ');
        sample.Body.Span.CopyTo(body);
        return body;
    }

    private static QuarantinedWebhook Quarantined(int index, int bodyBytes)
    {
        byte[] body = new byte[bodyBytes];
        body.AsSpan().Fill((byte)' ');
        Encoding.UTF8.GetBytes(index.ToString(CultureInfo.InvariantCulture)).CopyTo(body, 0);
        var receivedAt = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero).AddSeconds(index);
        return new QuarantinedWebhook(
            QuarantinedWebhook.IdFor(WebhookProvider.Payitoff, body),
            WebhookProvider.Payitoff,
            body,
            eventType: "connectivity.interrupted",
            expectedEventType: null,
            WebhookParseErrorReason.SchemaMismatch,
            jsonPath: "$.data",
            errorMessage: "Expected an object at $.data.",
            receivedAt,
            receivedAt,
            receipts: 1);
    }
}
