using System.IO;
using System.Net;

namespace LoanWebhooks.Tool;

/// <summary>What <c>loanwebhooks verify</c> was given to build the provider's verifier from.</summary>
/// <param name="Secret">The secret (Canopy, Spinwheel, Payitoff's header) or <c>user:password</c> (Payitoff's Basic authentication).</param>
/// <param name="SecretHeader">The header that carries the secret (Spinwheel, and Payitoff when it uses a header).</param>
/// <param name="PublicKey">The PEM file of receeve's public key.</param>
/// <param name="RemoteAddress">The address the request came from (Spinwheel's source-address check).</param>
internal sealed record VerificationInputs(string? Secret, string? SecretHeader, FileInfo? PublicKey, IPAddress? RemoteAddress);
