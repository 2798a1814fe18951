using LoanWebhooks.Sdk.Verification;

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

    public string ReceeveSecret { get; set; } = "";

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
                ["Webhooks:ReceeveSecret"] = "sample-only-receeve-secret",
            },
        });

    public IWebhookVerifier CanopyVerifier() => Header("X-Canopy-Secret", CanopySecret);

    public IWebhookVerifier ReceeveVerifier() => Header("X-Receeve-Secret", ReceeveSecret);

    private static SharedSecretHeaderVerifier Header(string name, string secret) =>
        new(new SharedSecretHeaderOptions { HeaderName = name, Secrets = { secret } });
}
