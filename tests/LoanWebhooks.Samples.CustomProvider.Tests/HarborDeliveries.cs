using System;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using LoanWebhooks.Samples.CustomProvider.Harbor;

namespace LoanWebhooks.Samples.CustomProvider.Tests;

/// <summary>Harbor deliveries as Harbor would post them: JSON signed with HMAC-SHA256 over the raw body, hex, in Harbor-Signature.</summary>
internal static class HarborDeliveries
{
    public const string Secret = "harbor-test-secret-7c3a";

    public static string LoanFunded(string id, string loanId, string principal) =>
        $$$"""{"id":"{{{id}}}","type":"loan.funded","data":{"loan_id":"{{{loanId}}}","principal":{{{principal}}},"funded_at":"2026-11-02T09:30:00Z"}}""";

    public static string Event(string id, string type) =>
        $$$"""{"id":"{{{id}}}","type":"{{{type}}}","data":{"loan_id":"ln_9"}}""";

    public static HttpRequestMessage Signed(string body, string secret = Secret)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/harbor") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/json");
        string signature = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), bytes)).ToLower(CultureInfo.InvariantCulture);
        request.Headers.Add(HarborWebhookOptions.SignatureHeader, HarborWebhookOptions.SignaturePrefix + signature);
        return request;
    }
}
