using System;
using System.Collections.Generic;
using System.Net.Http;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Verification;

public sealed class WebhookHeadersTests
{
    [Theory]
    [InlineData("X-Signature")]
    [InlineData("x-signature")]
    [InlineData("X-SIGNATURE")]
    public void Finds_a_header_whatever_the_case_of_its_name(string name)
    {
        var headers = new WebhookHeaders([KeyValuePair.Create("x-Signature", (string?)"abc")]);

        var lookup = headers.FindSingleValue(name, out string value);

        Assert.Equal((WebhookHeaderLookup.Found, "abc"), (lookup, value));
    }

    [Fact]
    public void Reports_an_absent_header_as_missing()
    {
        var headers = new WebhookHeaders([KeyValuePair.Create("X-Other", (string?)"abc")]);

        var lookup = headers.FindSingleValue("X-Signature", out string value);

        Assert.Equal((WebhookHeaderLookup.Missing, ""), (lookup, value));
    }

    [Fact]
    public void Reports_a_header_repeated_with_different_values_as_ambiguous()
    {
        var headers = new WebhookHeaders([KeyValuePair.Create("Authorization", (string?)"Basic a"), KeyValuePair.Create("AUTHORIZATION", (string?)"Basic b")]);

        var lookup = headers.FindSingleValue("Authorization", out string value);

        Assert.Equal((WebhookHeaderLookup.Ambiguous, ""), (lookup, value));
    }

    [Fact]
    public void Reports_a_header_repeated_with_the_same_value_as_found()
    {
        var headers = new WebhookHeaders([KeyValuePair.Create("X-Token", (string?)"abc"), KeyValuePair.Create("x-token", (string?)"abc")]);

        var lookup = headers.FindSingleValue("X-Token", out _);

        Assert.Equal(WebhookHeaderLookup.Found, lookup);
    }

    [Fact]
    public void Treats_values_differing_only_in_case_as_different()
    {
        var headers = new WebhookHeaders([KeyValuePair.Create("X-Token", (string?)"abc"), KeyValuePair.Create("X-Token", (string?)"ABC")]);

        var lookup = headers.FindSingleValue("X-Token", out _);

        Assert.Equal(WebhookHeaderLookup.Ambiguous, lookup);
    }

    [Fact]
    public void Ignores_null_values()
    {
        var headers = new WebhookHeaders([KeyValuePair.Create("X-Token", (string?)null), KeyValuePair.Create("X-Token", (string?)"abc")]);

        var lookup = headers.FindSingleValue("X-Token", out string value);

        Assert.Equal((WebhookHeaderLookup.Found, "abc"), (lookup, value));
    }

    [Fact]
    public void TryGetValue_returns_the_single_value()
    {
        var headers = new WebhookHeaders([KeyValuePair.Create("X-Token", (string?)"abc")]);

        bool found = headers.TryGetValue("x-token", out string? value);

        Assert.Equal((true, "abc"), (found, value));
    }

    [Fact]
    public void TryGetValue_refuses_an_ambiguous_header()
    {
        var headers = new WebhookHeaders([KeyValuePair.Create("X-Token", (string?)"abc"), KeyValuePair.Create("X-Token", (string?)"def")]);

        bool found = headers.TryGetValue("X-Token", out string? value);

        Assert.Equal((false, null), (found, value));
    }

    [Fact]
    public void Empty_has_no_header()
    {
        var lookup = WebhookHeaders.Empty.FindSingleValue("Authorization", out _);

        Assert.Equal(WebhookHeaderLookup.Missing, lookup);
    }

    [Fact]
    public void Create_reads_a_dictionary_of_value_arrays()
    {
        var source = new Dictionary<string, string?[]> { ["X-One"] = ["1"], ["X-Two"] = ["2", "3"] };

        var headers = WebhookHeaders.Create(source);

        Assert.Equal(
            (WebhookHeaderLookup.Found, WebhookHeaderLookup.Ambiguous),
            (headers.FindSingleValue("x-one", out _), headers.FindSingleValue("x-two", out _)));
    }

    [Fact]
    public void Create_reads_http_client_headers()
    {
        using var message = new HttpRequestMessage();
        message.Headers.TryAddWithoutValidation("X-Token", "abc");

        var headers = WebhookHeaders.Create(message.Headers);

        Assert.True(headers.TryGetValue("x-token", out string? value) && value == "abc");
    }

    [Fact]
    public void Create_treats_a_name_with_no_values_as_missing()
    {
        var source = new Dictionary<string, string?[]> { ["X-Token"] = [], ["X-Null"] = [null] };

        var headers = WebhookHeaders.Create(source);

        Assert.Equal(
            (WebhookHeaderLookup.Missing, WebhookHeaderLookup.Missing),
            (headers.FindSingleValue("X-Token", out _), headers.FindSingleValue("X-Null", out _)));
    }

    [Fact]
    public void Rejects_an_empty_header_name()
    {
        Assert.Throws<ArgumentException>(() => new WebhookHeaders([KeyValuePair.Create("", (string?)"abc")]));
    }

    [Fact]
    public void Does_not_show_header_values_when_formatted()
    {
        var headers = new WebhookHeaders([KeyValuePair.Create("Authorization", (string?)"Basic c2VjcmV0")]);

        string text = headers.ToString()!;

        Assert.DoesNotContain("c2VjcmV0", text, StringComparison.Ordinal);
    }
}
