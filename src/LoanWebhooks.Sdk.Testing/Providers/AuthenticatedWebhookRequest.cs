using System.Collections.Generic;

namespace LoanWebhooks.Sdk.Testing.Providers;

/// <summary>What a provider sends for one body: the body as signed, and the headers that authenticate it.</summary>
public sealed record AuthenticatedWebhookRequest
{
    /// <summary>Gets the body to send (rewritten when the signature travels inside it, as Canopy's and receeve's do).</summary>
    public required byte[] Body { get; init; }

    /// <summary>Gets the headers to send with it, one pair per header line.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}
