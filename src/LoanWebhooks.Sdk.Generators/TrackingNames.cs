namespace LoanWebhooks.Sdk.Generators;

/// <summary>
/// The names of the generator's pipeline steps, in pipeline order. Tests read a run's tracked steps by these names
/// to prove that an unchanged input is served from the cache step by step, not only at the outputs.
/// </summary>
internal static class TrackingNames
{
    /// <summary>The additional files that sit in a provider folder (<c>schemas/&lt;provider&gt;/…json</c>).</summary>
    public const string ProviderSchemaFiles = nameof(ProviderSchemaFiles);

    /// <summary>Each of those files as its path and text.</summary>
    public const string SchemaFileTexts = nameof(SchemaFileTexts);

    /// <summary>All schema files together: a provider is read from its whole folder.</summary>
    public const string AllSchemaFileTexts = nameof(AllSchemaFileTexts);

    /// <summary>One result per provider folder: the provider's model, or the diagnostics that stop it.</summary>
    public const string ProviderResults = nameof(ProviderResults);

    /// <summary>The provider results that produced a model.</summary>
    public const string ReadProviders = nameof(ReadProviders);

    /// <summary>Whether the compilation is the SDK itself, which declares <c>WebhookProvider</c> and lists its built-in providers.</summary>
    public const string EmitsBuiltInProviders = nameof(EmitsBuiltInProviders);

    /// <summary>The name and namespace of each provider that produced a model.</summary>
    public const string ProviderIdentities = nameof(ProviderIdentities);

    /// <summary>All those identities together, for the SDK's list of built-in providers.</summary>
    public const string AllProviderIdentities = nameof(AllProviderIdentities);
}
