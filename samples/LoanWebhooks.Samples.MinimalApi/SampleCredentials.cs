using System.Security.Cryptography;

namespace LoanWebhooks.Samples.MinimalApi;

/// <summary>
/// The "Webhooks" configuration section. The defaults below are for trying the sample locally; in a real app put
/// the values in user secrets or environment variables (Webhooks__PayitoffPassword=…), which override them.
/// </summary>
public sealed class SampleCredentials
{
    public const string SpinwheelHeader = "X-Spinwheel-Secret";

    public string PayitoffUserName { get; set; } = "";

    public string PayitoffPassword { get; set; } = "";

    public string CanopySecret { get; set; } = "";

    public string SpinwheelSecret { get; set; } = "";

    /// <summary>The PEM public key receeve gave you; receeve signs with the private half, which it keeps.</summary>
    public string ReceevePublicKey { get; set; } = "";

    /// <summary>
    /// A key pair made up when the process starts, so the sample runs without a receeve account: its public half is
    /// the default <see cref="ReceevePublicKey"/>, and the demo signs with its private half as receeve signs with its
    /// own. Nothing outside this process can sign with it. Configure Webhooks:ReceevePublicKey with the PEM receeve
    /// gave you instead.
    /// </summary>
    public static RSA SampleOnlyReceeveKey { get; } = RSA.Create(2048);

    /// <summary>A reverse proxy in front of the app whose X-Forwarded-For is believed for Spinwheel's address check.</summary>
    public string TrustedProxy { get; set; } = "";

    public static void AddAsDefaults(ConfigurationManager configuration) =>
        // Inserted first, so every other configuration source overrides it.
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Webhooks:PayitoffUserName"] = "payitoff-sample",
                ["Webhooks:PayitoffPassword"] = "sample-only-payitoff-password",
                ["Webhooks:CanopySecret"] = "sample-only-canopy-secret",
                ["Webhooks:SpinwheelSecret"] = "sample-only-spinwheel-secret",
                ["Webhooks:ReceevePublicKey"] = SampleOnlyReceeveKey.ExportSubjectPublicKeyInfoPem(),
                ["Webhooks:TrustedProxy"] = "127.0.0.1",
            },
        });

}
