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
                ["Webhooks:ReceeveSecret"] = "sample-only-receeve-secret",
                ["Webhooks:TrustedProxy"] = "127.0.0.1",
            },
        });

}
