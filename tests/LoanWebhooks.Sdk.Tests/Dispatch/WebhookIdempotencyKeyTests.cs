using System;
using System.Security.Cryptography;
using System.Text;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

public sealed class WebhookIdempotencyKeyTests
{
    [Fact]
    public void The_key_is_the_providers_id_when_the_event_carries_one()
    {
        var webhookEvent = DocumentedSampleData.Parse(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED");

        var key = WebhookIdempotencyKey.For(webhookEvent, webhookEvent.RawJson.Span);

        Assert.Equal(WebhookIdempotencyKeySource.ProviderId, key.Source);
        Assert.Equal("1669434136600-0", key.Value);
        Assert.Equal("USER_LIABILITIES_CONNECTED", key.EventType);
        Assert.Equal("spinwheel:id:USER_LIABILITIES_CONNECTED:1669434136600-0", key.ToString());
    }

    [Fact]
    public void One_provider_id_under_two_event_types_gives_two_keys()
    {
        var connected = DocumentedSampleData.Parse(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED");
        var failed = DocumentedSampleData.Parse(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTION_FAILED");

        var first = WebhookIdempotencyKey.For(connected, connected.RawJson.Span);
        var second = WebhookIdempotencyKey.For(failed, failed.RawJson.Span);

        Assert.Equal(first.Value, second.Value);
        Assert.NotEqual(first, second);
        Assert.NotEqual(first.ToString(), second.ToString());
    }

    [Fact]
    public void The_key_is_the_sha256_of_the_body_when_the_provider_sends_no_id()
    {
        var webhookEvent = DocumentedSampleData.Parse(WebhookProvider.Payitoff, "loan.paid_off");
        byte[] body = webhookEvent.RawJson.ToArray();

        var key = WebhookIdempotencyKey.For(webhookEvent, body);

        Assert.Equal(WebhookIdempotencyKeySource.BodyHash, key.Source);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(body)).ToLowerInvariant(), key.Value);
        Assert.StartsWith("payitoff:sha256:", key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_bodies_give_equal_keys_and_one_changed_byte_another()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{ "event_type": "test", "data": null }""");
        byte[] changed = Encoding.UTF8.GetBytes("""{ "event_type": "test", "data": nul  }""");

        Assert.Equal(WebhookIdempotencyKey.FromBody(WebhookProvider.Payitoff, body), WebhookIdempotencyKey.FromBody(WebhookProvider.Payitoff, (byte[])body.Clone()));
        Assert.NotEqual(WebhookIdempotencyKey.FromBody(WebhookProvider.Payitoff, body), WebhookIdempotencyKey.FromBody(WebhookProvider.Payitoff, changed));
        Assert.NotEqual(WebhookIdempotencyKey.FromBody(WebhookProvider.Payitoff, body), WebhookIdempotencyKey.FromBody(WebhookProvider.Canopy, body));
    }

    [Fact]
    public void A_key_needs_a_value_a_named_provider_and_a_defined_source()
    {
        Assert.Throws<ArgumentException>(() => new WebhookIdempotencyKey(WebhookProvider.Payitoff, string.Empty, WebhookIdempotencyKeySource.ProviderId));
        Assert.Throws<ArgumentException>(() => new WebhookIdempotencyKey(default(WebhookProvider), "x", WebhookIdempotencyKeySource.ProviderId));
        Assert.Throws<ArgumentException>(() => new WebhookIdempotencyKey(WebhookProvider.Payitoff, "x", (WebhookIdempotencyKeySource)0));
    }

    [Fact]
    public void The_default_key_identifies_nothing_and_is_refused_where_a_key_is_needed()
    {
        WebhookIdempotencyKey none = default;

        Assert.True(none.IsDefault);
        Assert.False(WebhookIdempotencyKey.FromBody(WebhookProvider.Payitoff, "{}"u8).IsDefault);
        var e = Assert.Throws<ArgumentException>(() => WebhookIdempotencyKey.ThrowIfDefault(none));
        Assert.Equal("none", e.ParamName);
        Assert.Throws<ArgumentException>(() => new WebhookIdempotencyClaim(none, WebhookClaimStatus.AlreadyCompleted, leaseId: null));
    }

    [Fact]
    public void A_key_for_a_null_event_is_refused_with_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => WebhookIdempotencyKey.For(null!, ReadOnlySpan<byte>.Empty));
    }
}
