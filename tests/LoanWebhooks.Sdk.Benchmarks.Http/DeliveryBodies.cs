using System.Globalization;
using System.Text;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Providers;
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
        // Keyed by the --provider name; each case names the sample, the value made unique and the profile that signs.
        var cases = new Dictionary<string, DeliveryCase>(StringComparer.Ordinal)
        {
            ["spinwheel"] = new(new SpinwheelTestProfile(), "USER_LIABILITIES_CONNECTED", "\"1669434136600-0\"", (run, _, i) => $"\"{run}-{i.ToString(CultureInfo.InvariantCulture)}\""),
            ["receeve"] = new(new ReceeveTestProfile(receeveSigner), "event.claim.created.v1", "\"09feeb6f-350a-430a-a040-cd1c558cbc91\"", Uuid),
            ["canopy"] = new(new CanopyTestProfile(BenchmarkSecrets.Canopy), "account_delinquency", "\"can_100030\"", (run, _, i) => $"\"can_{run}_{i.ToString(CultureInfo.InvariantCulture)}\""),
            ["payitoff"] = new(new PayitoffTestProfile(), "loan.paid_off", "\"29847388-7220-40a2-8596-2732ce167a34\"", Uuid),
        };
        DeliveryCase delivery = cases.TryGetValue(settings.Provider, out var known)
            ? known
            : throw new ArgumentException($"Unknown provider '{settings.Provider}' ({string.Join(", ", cases.Keys)}).");
        WebhookProvider provider = delivery.Profile.Provider;

        // One line per body: JSON strings cannot hold a raw line break, so turning them into spaces changes only
        // whitespace between tokens; it is done before signing, so signatures cover the bytes sent.
        string template = DocumentedSamples.Get(provider, delivery.Sample).BodyText.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ');
        if (!template.Contains(delivery.Original, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The {provider} sample no longer holds the value the benchmark makes unique.");
        }

        using var output = new StreamWriter(settings.BodiesFile, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        byte[] runBytes = Encoding.ASCII.GetBytes(settings.RunId.PadRight(8, '0')[..8]);
        for (int i = 0; i < settings.Count; i++)
        {
            string body = template.Replace(delivery.Original, delivery.Unique(settings.RunId, runBytes, i), StringComparison.Ordinal);

            // Only the body is written: the headers a provider sends are set by the load generator.
            output.WriteLine(Encoding.UTF8.GetString(delivery.Profile.Authenticate(Encoding.UTF8.GetBytes(body)).Body));
        }
    }

    private static string Uuid(string runId, byte[] runBytes, int i) => $"\"{new Guid(i, 0x4000, 0x0800, runBytes).ToString()}\"";

    /// <param name="Profile">Signs the body as the provider does (Canopy's and receeve's signatures are in the body).</param>
    /// <param name="Sample">The documented sample's event type.</param>
    /// <param name="Original">The sample's deduplication value, as JSON.</param>
    /// <param name="Unique">The value for the i-th delivery of a run, as JSON.</param>
    private sealed record DeliveryCase(ProviderTestProfile Profile, string Sample, string Original, Func<string, byte[], int, string> Unique);
}
