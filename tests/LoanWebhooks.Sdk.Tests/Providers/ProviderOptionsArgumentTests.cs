using System;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Spinwheel;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Providers;

/// <summary>
/// The provider modules' builder extensions and <c>Use…</c> shortcuts refuse missing arguments where they are called,
/// rather than storing a null that fails later, at start-up, far from the mistake.
/// </summary>
public sealed class ProviderOptionsArgumentTests
{
    public static TheoryData<string> BuilderExtensions() => new() { "AddCanopy", "AddPayitoff", "AddReceeve", "AddSpinwheel" };

    public static TheoryData<string> MissingArguments() => new()
    {
        "Canopy secret",
        "receeve key",
        "receeve key file",
        "Payitoff header name",
        "Payitoff secret",
        "Spinwheel header name",
        "Spinwheel secret",
    };

    [Theory]
    [MemberData(nameof(BuilderExtensions))]
    public void A_builder_extension_refuses_a_null_builder(string extension)
    {
        LoanWebhooksBuilder builder = null!;
        Action add = extension switch
        {
            "AddCanopy" => () => builder.AddCanopy(_ => { }),
            "AddPayitoff" => () => builder.AddPayitoff(_ => { }),
            "AddReceeve" => () => builder.AddReceeve(_ => { }),
            _ => () => builder.AddSpinwheel(_ => { }),
        };

        var e = Assert.Throws<ArgumentNullException>(add);

        Assert.Equal("builder", e.ParamName);
    }

    [Theory]
    [MemberData(nameof(MissingArguments))]
    public void A_use_shortcut_refuses_a_missing_argument_with_an_ArgumentException(string argument)
    {
        Action use = argument switch
        {
            "Canopy secret" => () => new CanopyWebhookOptions().UseSignatureSecret(null!),
            "receeve key" => () => new ReceeveWebhookOptions().UsePublicKey(null!),
            "receeve key file" => () => new ReceeveWebhookOptions().UsePublicKeyFile(string.Empty),
            "Payitoff header name" => () => new PayitoffWebhookOptions().UseSharedSecretHeader(string.Empty, "s3cret-Value-1"),
            "Payitoff secret" => () => new PayitoffWebhookOptions().UseSharedSecretHeader("X-Webhook-Secret", null!),
            "Spinwheel header name" => () => new SpinwheelWebhookOptions().UseSharedSecretHeader(string.Empty, "s3cret-Value-1"),
            _ => () => new SpinwheelWebhookOptions().UseSharedSecretHeader("X-Spinwheel-Secret", null!),
        };

        Assert.ThrowsAny<ArgumentException>(use);
    }

    [Fact]
    public void Payitoff_takes_more_secrets_for_its_one_header_in_any_case_and_refuses_a_second_header()
    {
        var options = new PayitoffWebhookOptions()
            .UseSharedSecretHeader("X-Webhook-Secret", "s3cret-Value-1")
            .UseSharedSecretHeader("x-webhook-secret", "s3cret-Value-2");

        var e = Assert.Throws<ArgumentException>(() => options.UseSharedSecretHeader("X-Other-Secret", "s3cret-Value-3"));

        Assert.Equal(new[] { "s3cret-Value-1", "s3cret-Value-2" }, options.SharedSecretHeader.Secrets);
        Assert.Equal("headerName", e.ParamName);
    }

    [Fact]
    public void Payitoff_deduplicates_identical_bodies_only_when_asked()
    {
        var asked = new PayitoffWebhookOptions().DeduplicateIdenticalBodies();

        Assert.False(new PayitoffWebhookOptions().DeduplicatesIdenticalBodies);
        Assert.True(asked.DeduplicatesIdenticalBodies);
    }
}
