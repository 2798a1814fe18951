namespace LoanWebhooks.Sdk.Generators.Reading;

/// <summary>Stable diagnostic ids; each message says how to fix the schema.</summary>
internal static class DiagnosticIds
{
    public const string InvalidJson = "LWH001";
    public const string InvalidProviderManifest = "LWH002";
    public const string MissingEventType = "LWH003";
    public const string UnresolvedReference = "LWH004";
    public const string UnsupportedSchema = "LWH005";
    public const string InvalidMemberName = "LWH006";
    public const string DiscriminatorConstMismatch = "LWH007";
    public const string DuplicateEventType = "LWH008";
    public const string DuplicateTypeName = "LWH009";
}
