using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Tests.Verification;

/// <summary>Builds webhook requests for verifier tests; only headers matter to the verifiers under test.</summary>
internal static class TestRequests
{
    public static WebhookRequest WithHeaders(params (string Name, string? Value)[] headers) =>
        new(ReadOnlyMemory<byte>.Empty, new WebhookHeaders(headers.Select(h => KeyValuePair.Create(h.Name, h.Value))));

    public static WebhookRequest WithoutHeaders() => new(ReadOnlyMemory<byte>.Empty, WebhookHeaders.Empty);

    public static WebhookRequest WithAuthorization(string value) => WithHeaders(("Authorization", value));

    public static WebhookRequest WithBasicCredentials(string userName, string password) =>
        WithAuthorization("Basic " + Base64($"{userName}:{password}"));

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
