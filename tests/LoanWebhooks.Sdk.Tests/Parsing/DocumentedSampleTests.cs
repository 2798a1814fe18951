using System.Linq;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Tests.Approval;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>Every sample in the providers' docs parses to its own typed event, and the typed result is approved.</summary>
public sealed class DocumentedSampleTests
{
    public static TheoryData<string> SampleNames() => DocumentedSampleData.Names();

    public static TheoryData<string> VerbatimSampleNames() => DocumentedSampleData.Names(s => s.Origin == DocumentedSampleOrigin.Verbatim);

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Documented_sample_parses_to_its_specific_event_type(string name)
    {
        var sample = Sample(name);
        var parser = BuiltInWebhookParsers.Default(sample.Provider);

        var webhookEvent = parser.Parse(sample.Body.Span);

        var expectedType = parser.EventTypes.Single(t => t.EventType == sample.EventType).EventClrType;
        Assert.IsType(expectedType, webhookEvent);
        Assert.Equal(sample.EventType, webhookEvent.EventType);
        Assert.Equal(HasDiscriminator(parser, sample) ? WebhookEventMatch.Exact : WebhookEventMatch.Inferred, webhookEvent.Match);
        Assert.Equal(sample.Provider, webhookEvent.Provider);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Documented_sample_matches_its_approved_snapshot(string name)
    {
        var sample = Sample(name);

        var webhookEvent = BuiltInWebhookParsers.Default(sample.Provider).Parse(sample.Body.Span);

        Approvals.Verify(SnapshotPrinter.Print(webhookEvent), sample.Name);
    }

    [Theory]
    [MemberData(nameof(VerbatimSampleNames))]
    public void Verbatim_sample_leaves_no_documented_member_in_extension_data(string name)
    {
        // Expanded samples carry example members outside the schema on purpose; verbatim ones must not.
        var sample = Sample(name);

        var webhookEvent = BuiltInWebhookParsers.Default(sample.Provider).Parse(sample.Body.Span);

        Assert.Empty(SnapshotPrinter.FindExtensionData(webhookEvent));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Parsed_sample_keeps_the_exact_body_it_was_parsed_from(string name)
    {
        var sample = Sample(name);

        var webhookEvent = BuiltInWebhookParsers.Default(sample.Provider).Parse(sample.Body.Span);

        Assert.Equal(sample.Body.ToArray(), webhookEvent.RawJson.ToArray());
    }

    [Fact]
    public void Every_documented_Payitoff_event_type_is_typed_and_has_a_sample()
    {
        string[] documented =
        {
            "borrower.delinquent", "connectivity.interrupted", "connectivity.offline", "connectivity.online",
            "connectivity.restored", "enrollment.approved", "enrollment.needs_attention", "loan.paid_off",
            "payment.historical_change", "refinance.initiated", "test",
        };

        var known = BuiltInWebhookParsers.Default(WebhookProvider.Payitoff).EventTypes.Select(t => t.EventType).OrderBy(t => t);
        var sampled = DocumentedSamples.For(WebhookProvider.Payitoff).Select(s => s.EventType).OrderBy(t => t);

        Assert.Equal(documented, known);
        Assert.Equal(documented, sampled);
    }

    [Fact]
    public void Placeholder_samples_are_expanded_and_keep_their_documented_text()
    {
        var sample = DocumentedSamples.Get(WebhookProvider.Payitoff, "borrower.delinquent");

        Assert.Equal(DocumentedSampleOrigin.Expanded, sample.Origin);
        Assert.Contains("\"borrower\": Borrower", sample.DocumentedText, System.StringComparison.Ordinal);
        Assert.DoesNotContain("Borrower,", sample.BodyText, System.StringComparison.Ordinal);
    }

    private static DocumentedSample Sample(string name) => DocumentedSampleData.Sample(name);

    // Spinwheel documents some samples without eventType; only a body without a discriminator takes the expected type's match.
    private static bool HasDiscriminator(IWebhookParser parser, DocumentedSample sample) =>
        parser.Parse(sample.Body.Span, sample.EventType).Match != WebhookEventMatch.ExpectedEventType;
}
