using System;
using System.Linq;
using LoanWebhooks.Sdk.Events;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Events;

public sealed class WebhookProviderTests
{
    [Fact]
    public void Providers_with_the_same_name_are_equal_and_hash_alike()
    {
        var built = new WebhookProvider("Canopy");

        Assert.True(built == WebhookProvider.Canopy);
        Assert.Equal(WebhookProvider.Canopy.GetHashCode(), built.GetHashCode());
    }

    [Fact]
    public void Names_are_compared_case_sensitively()
    {
        Assert.True(new WebhookProvider("canopy") != WebhookProvider.Canopy);
    }

    [Fact]
    public void A_provider_prints_as_its_name()
    {
        Assert.Equal("Receeve", WebhookProvider.Receeve.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1Acme")]
    [InlineData("Acme_Loans")]
    [InlineData("Acme Loans")]
    [InlineData("Äcme")]
    public void A_name_that_is_not_an_ascii_letter_then_letters_or_digits_is_refused(string name)
    {
        Assert.Throws<ArgumentException>(() => new WebhookProvider(name));
    }

    [Fact]
    public void The_default_provider_has_an_empty_name_and_equals_no_built_in_provider()
    {
        Assert.Equal(string.Empty, default(WebhookProvider).Name);
        Assert.DoesNotContain(default(WebhookProvider), WebhookProvider.BuiltIn);
    }

    [Fact]
    public void The_built_in_providers_are_the_four_schema_folders_in_name_order()
    {
        Assert.Equal(new[] { "Canopy", "Payitoff", "Receeve", "Spinwheel" }, WebhookProvider.BuiltIn.Select(p => p.Name));
    }
}
