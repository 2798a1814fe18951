using System;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Spinwheel;

/// <summary>
/// Any single authenticity setting changed from its default counts as a configuration and reaches the verifier
/// (which then builds or says what is missing); untouched settings mean "not configured".
/// </summary>
public sealed class SpinwheelAuthenticityConfigurationTests
{
    public static TheoryData<string> SingleSettings() => new()
    {
        "header",
        "additional address",
        "trusted proxy",
        "environment",
        "no source address check",
        "no header secret check",
        "no published addresses",
        "forwarded header name",
    };

    [Theory]
    [MemberData(nameof(SingleSettings))]
    public void Changing_any_one_authenticity_setting_hands_the_settings_to_the_verifier(string setting)
    {
        var options = new SpinwheelWebhookOptions();
        Change(options.Authenticity, setting);

        bool handedToVerifier;
        try
        {
            handedToVerifier = options.BuildVerifier(TimeProvider.System) is SpinwheelAuthenticityVerifier;
        }
        catch (ArgumentException e)
        {
            // The verifier's own start-up error: it was built from these settings and said what is missing.
            handedToVerifier = e.Message.StartsWith("SpinwheelAuthenticityOptions", StringComparison.Ordinal);
        }

        Assert.True(handedToVerifier, setting);
    }

    [Fact]
    public void Untouched_authenticity_settings_build_no_verifier()
    {
        var options = new SpinwheelWebhookOptions();

        Assert.Null(options.BuildVerifier(TimeProvider.System));
    }

    private static void Change(SpinwheelAuthenticityOptions authenticity, string setting)
    {
        switch (setting)
        {
            case "header":
                authenticity.Headers.Add(new SharedSecretHeaderOptions { HeaderName = "X-Spinwheel-Secret", Secrets = { "s3cret-Value-1" } });
                break;
            case "additional address":
                authenticity.AdditionalAllowedAddresses.Add("203.0.113.7");
                break;
            case "trusted proxy":
                authenticity.TrustedProxies.Add("10.0.0.1");
                break;
            case "environment":
                authenticity.Environment = SpinwheelEnvironment.Sandbox;
                break;
            case "no source address check":
                authenticity.VerifySourceAddress = false;
                break;
            case "no header secret check":
                authenticity.VerifyHeaderSecrets = false;
                break;
            case "no published addresses":
                authenticity.UsePublishedAddresses = false;
                break;
            case "forwarded header name":
                authenticity.ForwardedForHeaderName = "X-Real-IP";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(setting), setting, "Unknown setting.");
        }
    }
}
