namespace LoanWebhooks.Sdk.Benchmarks.Http;

/// <summary>Made-up credentials; run.sh sends the same ones (keep the two in step).</summary>
internal static class BenchmarkSecrets
{
    public const string PayitoffUserName = "payitoff";
    public const string PayitoffPassword = "benchmark-basic-auth-password";
    public const string Canopy = "benchmark-canopy-webhook-secret";
    public const string SpinwheelHeader = "X-Spinwheel-Secret";
    public const string Spinwheel = "benchmark-spinwheel-header-secret";
}
