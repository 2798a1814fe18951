using System;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Tests.Verification;

/// <summary>Bodies and expected signatures for the embedded-signature verifier tests.</summary>
internal static class SignedBodies
{
    public const string Secret = "whsec-Canopy-3f9a1c7e";
    public const string OldSecret = "old-Secret-1a2b3c";
    public const string NewSecret = "new-Secret-4d5e6f";

    /// <summary>Canopy's documented account_delinquency sample, verbatim (its signature is under a secret we do not know).</summary>
    public static string CanopySample => DocumentedSamples.Get(WebhookProvider.Canopy, "account_delinquency").BodyText;

    /// <summary>receeve's documented claim.created sample, verbatim ("signature": "SIGNATURE").</summary>
    public static string ReceeveSample => DocumentedSamples.Get(WebhookProvider.Receeve, "event.claim.created.v1").BodyText;

    /// <summary>The sample's payload.timestamp, 2021-10-14T15:33:16.848Z.</summary>
    public static DateTimeOffset ReceeveSampleTimestamp => new(2021, 10, 14, 15, 33, 16, 848, TimeSpan.Zero);

    /// <summary>The documented signature of <see cref="CanopySample"/>.</summary>
    public const string CanopyDocumentedSignature = "dGIr5vD0KVYPLYcGsmld/wtfKym1+teUVZfVMmS+RQw=";

    /// <summary>The bytes of the sample's <c>data</c> value, copied by hand from the documentation.</summary>
    public const string CanopySampleData =
        "{\n\"account_id\": \"can_100030\",\n\"cure_amount\": \"3147\",\n\"customer_id\": \"848\",\n"
        + "\"delinquent_as_of_date\": \"2023-01-30T13:23:00.487411-05:00\",\n\"number_of_days_delinquent\": 0,\n"
        + "\"time_stamp\": \"2023-01-30T13:23:38.129534-05:00\"\n}";

    /// <summary>The same <c>data</c>, minified by hand.</summary>
    public const string CanopySampleDataMinified =
        "{\"account_id\":\"can_100030\",\"cure_amount\":\"3147\",\"customer_id\":\"848\","
        + "\"delinquent_as_of_date\":\"2023-01-30T13:23:00.487411-05:00\",\"number_of_days_delinquent\":0,"
        + "\"time_stamp\":\"2023-01-30T13:23:38.129534-05:00\"}";

    /// <summary>HMAC-SHA256 computed directly with the framework, independently of the SDK and its signers.</summary>
    public static byte[] Hmac(string secret, string content) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(content));

    public static string HmacBase64(string secret, string content) => Convert.ToBase64String(Hmac(secret, content));

    public static string HmacHex(string secret, string content) => Convert.ToHexString(Hmac(secret, content)).ToLowerInvariant();

    /// <summary>The Canopy sample with its documented signature replaced by <paramref name="signature"/>.</summary>
    public static string CanopySampleWithSignature(string signature) =>
        Replace(CanopySample, CanopyDocumentedSignature, signature);

    /// <summary>Replaces one occurrence, failing the test when the text is not there exactly once.</summary>
    public static string Replace(string body, string oldValue, string newValue)
    {
        int index = body.IndexOf(oldValue, StringComparison.Ordinal);
        if (index < 0 || body.IndexOf(oldValue, index + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"Expected exactly one occurrence of '{oldValue}' in the body.");
        }

        return string.Concat(body.AsSpan(0, index), newValue, body.AsSpan(index + oldValue.Length));
    }

    public static WebhookRequest Request(string body, IPAddress? remoteIpAddress = null) =>
        new(Encoding.UTF8.GetBytes(body), WebhookHeaders.Empty, remoteIpAddress);

    public static WebhookRequest Request(byte[] body) => new(body, WebhookHeaders.Empty);

    public static CanopySignatureVerifier CanopyVerifier(
        EmbeddedSignedContent content = EmbeddedSignedContent.MemberValue,
        SignatureEncoding encoding = SignatureEncoding.Base64,
        params string[] secrets)
    {
        var options = new CanopySignatureOptions { SignedContent = content, Encoding = encoding };
        foreach (string secret in secrets.Length == 0 ? new[] { Secret } : secrets)
        {
            options.Secrets.Add(secret);
        }

        return new CanopySignatureVerifier(options);
    }
}
