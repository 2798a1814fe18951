using System.Globalization;
using System.Text;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Signing;

namespace LoanWebhooks.Sdk.Benchmarks.Http;

/// <summary>
/// Writes <see cref="BenchmarkSettings.Count"/> deliveries of one provider's documented sample, one per line, each with
/// its own deduplication key: Spinwheel's <c>webhookId</c>, receeve's <c>payload.messageId</c> (then signed), Canopy's
/// <c>data.account_id</c> (then signed, so each <c>hmac_signature</c>, Canopy's key, differs), Payitoff's borrower
/// <c>uuid</c> (Payitoff's key is a hash of the body).
/// </summary>
internal static class DeliveryBodies
{
    public static void Write(BenchmarkSettings settings, ReceeveWebhookSigner receeveSigner)
    {
        (WebhookProvider provider, string sample, string original) = settings.Provider switch
        {
            "spinwheel" => (WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED", "\"1669434136600-0\""),
            "receeve" => (WebhookProvider.Receeve, "event.claim.created.v1", "\"09feeb6f-350a-430a-a040-cd1c558cbc91\""),
            "canopy" => (WebhookProvider.Canopy, "account_delinquency", "\"can_100030\""),
            "payitoff" => (WebhookProvider.Payitoff, "loan.paid_off", "\"29847388-7220-40a2-8596-2732ce167a34\""),
            _ => throw new ArgumentException($"Unknown provider '{settings.Provider}' (spinwheel, receeve, canopy, payitoff)."),
        };

        // One line per body: JSON strings cannot hold a raw line break, so turning them into spaces changes only
        // whitespace between tokens; it is done before signing, so signatures cover the bytes sent.
        string template = DocumentedSamples.Get(provider, sample).BodyText.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ');
        if (!template.Contains(original, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The {provider} sample no longer holds the value the benchmark makes unique.");
        }

        using var output = new StreamWriter(settings.BodiesFile, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        byte[] runBytes = Encoding.ASCII.GetBytes(settings.RunId.PadRight(8, '0')[..8]);
        for (int i = 0; i < settings.Count; i++)
        {
            string unique = provider.Name switch
            {
                nameof(WebhookProvider.Spinwheel) => $"\"{settings.RunId}-{i.ToString(CultureInfo.InvariantCulture)}\"",
                nameof(WebhookProvider.Canopy) => $"\"can_{settings.RunId}_{i.ToString(CultureInfo.InvariantCulture)}\"",
                _ => $"\"{new Guid(i, 0x4000, 0x0800, runBytes).ToString()}\"",
            };
            string body = template.Replace(original, unique, StringComparison.Ordinal);
            output.WriteLine(provider.Name switch
            {
                nameof(WebhookProvider.Receeve) => receeveSigner.Sign(body),
                nameof(WebhookProvider.Canopy) => CanopyWebhookSigner.Sign(body, BenchmarkSecrets.Canopy),
                _ => body,
            });
        }
    }
}
