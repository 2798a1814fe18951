using LoanWebhooks.Sdk.Testing.Signing;

namespace LoanWebhooks.Sdk.Benchmarks;

/// <summary>Made-up secrets and keys the fixtures are signed with.</summary>
internal static class Secrets
{
    public const string Payitoff = "benchmark-basic-auth-password";
    public const string Canopy = "benchmark-canopy-webhook-secret";
    public const string Spinwheel = "benchmark-spinwheel-header-secret";

    /// <summary>receeve signs with a private key; the verifier is given its public half.</summary>
    public static readonly ReceeveWebhookSigner ReceeveKey = ReceeveWebhookSigner.CreateRsa();
}
