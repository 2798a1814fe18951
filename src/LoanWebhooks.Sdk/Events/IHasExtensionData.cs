using System.Collections.Generic;
using System.Text.Json;

namespace LoanWebhooks.Sdk.Events;

/// <summary>A generated record that keeps the members its schema does not describe.</summary>
public interface IHasExtensionData
{
    /// <summary>Members the schema does not describe, exactly as received; null when there were none.</summary>
    IReadOnlyDictionary<string, JsonElement>? ExtensionData { get; }
}
