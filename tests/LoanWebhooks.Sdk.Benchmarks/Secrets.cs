namespace LoanWebhooks.Sdk.Benchmarks;

/// <summary>Made-up secrets the fixtures are signed with.</summary>
internal static class Secrets
{
    public const string Payitoff = "benchmark-basic-auth-password";
    public const string Canopy = "benchmark-canopy-webhook-secret";
    public const string Receeve = "benchmark-receeve-webhook-secret";
    public const string Spinwheel = "benchmark-spinwheel-header-secret";
}
