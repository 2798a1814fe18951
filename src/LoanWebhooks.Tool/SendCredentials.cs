using System.IO;

namespace LoanWebhooks.Tool;

/// <summary>What <c>loanwebhooks send</c> was given to authenticate its request as the provider would.</summary>
/// <param name="Secret">Canopy's signing secret, or the value of <paramref name="SecretHeader"/>.</param>
/// <param name="SecretHeader">The header that carries the secret (Spinwheel, and Payitoff when it uses one).</param>
/// <param name="ReceevePrivateKey">The PEM private key to sign receeve bodies with; a new key pair is made without it.</param>
/// <param name="Basic">Basic credentials, <c>user:password</c> (Payitoff's way: a URL registered as <c>https://user:password@host/…</c>).</param>
internal sealed record SendCredentials(string? Secret, string? SecretHeader, FileInfo? ReceevePrivateKey, string? Basic);
