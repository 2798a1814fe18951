using System.Net;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Benchmarks;

/// <summary>A fixture as the provider would deliver it (signed where the provider signs) and the verifier that accepts it.</summary>
/// <param name="Body">The body on the wire; every benchmark of the fixture reads these bytes.</param>
/// <param name="Headers">The request headers the verifier reads.</param>
/// <param name="RemoteAddress">The sender's address.</param>
/// <param name="Verifier">The provider's verifier, configured with the secrets used to sign.</param>
public sealed record Delivery(byte[] Body, WebhookHeaders Headers, IPAddress? RemoteAddress, IWebhookVerifier Verifier);
