using Microsoft.CodeAnalysis;

namespace LoanWebhooks.Sdk.Generators.Reading;

/// <summary>
/// One descriptor per diagnostic id. Every message ends with what to change in the schema; where one id covers
/// several mistakes (LWH002, LWH005, LWH006) the argument names the mistake and its specific fix, and the format
/// adds where the rules are written down.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string HelpLink = "https://github.com/loanwebhooks/LoanWebhooks.Sdk/blob/main/schemas/README.md";

    /// <summary>{0}: the JSON reader's description of the syntax error.</summary>
    public static readonly DiagnosticDescriptor InvalidJson = Error(
        DiagnosticIds.InvalidJson,
        "Schema file is not valid JSON",
        "LoanWebhooks.Schemas.Syntax",
        "Schema file is not valid JSON: {0}. Fix the JSON syntax; schema files are strict JSON (no comments or trailing commas).");

    /// <summary>{0}: what is missing or wrong in provider.json, and what to set (no final period).</summary>
    public static readonly DiagnosticDescriptor InvalidProviderManifest = Error(
        DiagnosticIds.InvalidProviderManifest,
        "provider.json is missing or invalid",
        "LoanWebhooks.Schemas.Provider",
        "{0}. The keywords provider.json takes are listed in schemas/README.md.");

    public static readonly DiagnosticDescriptor MissingEventType = Error(
        DiagnosticIds.MissingEventType,
        "Event schema has no x-event-type",
        "LoanWebhooks.Schemas.Events",
        "Event schema has no \"x-event-type\". Set it to the discriminator value the provider sends for this event.");

    /// <summary>{0}: the <c>$ref</c> as written.</summary>
    public static readonly DiagnosticDescriptor UnresolvedReference = Error(
        DiagnosticIds.UnresolvedReference,
        "$ref does not name an object schema of the provider",
        "LoanWebhooks.Schemas.References",
        "\"$ref\": \"{0}\" does not name a file in this provider's objects/ folder. Use a relative path such as \"../objects/borrower.json\".");

    /// <summary>{0}: the keyword or value that is not supported, and the form that is (no final period).</summary>
    public static readonly DiagnosticDescriptor UnsupportedSchema = Error(
        DiagnosticIds.UnsupportedSchema,
        "Schema keyword or value is not supported",
        "LoanWebhooks.Schemas.Keywords",
        "{0}. The supported keywords and types are listed in schemas/README.md.");

    /// <summary>{0}: what is being named; {1}: the C# name it maps to; {2}: how to choose another name (no final period).</summary>
    public static readonly DiagnosticDescriptor InvalidMemberName = Error(
        DiagnosticIds.InvalidMemberName,
        "Schema maps to an unusable C# name",
        "LoanWebhooks.Schemas.Naming",
        "{0} maps to the C# name '{1}', which is invalid, reserved or already used. {2}.");

    /// <summary>{0}: the discriminator member; {1}: its <c>const</c>; {2}: the schema's <c>x-event-type</c>.</summary>
    public static readonly DiagnosticDescriptor DiscriminatorConstMismatch = Error(
        DiagnosticIds.DiscriminatorConstMismatch,
        "Discriminator const disagrees with x-event-type",
        "LoanWebhooks.Schemas.Events",
        "\"{0}\" has const '{1}' but x-event-type is '{2}'. Make them agree, or list the other value in x-aliases.");

    /// <summary>{0}: the event type; {1}: the schema that claimed it first.</summary>
    public static readonly DiagnosticDescriptor DuplicateEventType = Error(
        DiagnosticIds.DuplicateEventType,
        "Event type is claimed by two schemas",
        "LoanWebhooks.Schemas.Events",
        "Event type '{0}' is already claimed by '{1}'. Remove it from this schema's x-event-type or x-aliases: each discriminator value belongs to one event only.");

    /// <summary>{0}: this schema's type and file; {1}: the type it collides with.</summary>
    public static readonly DiagnosticDescriptor DuplicateTypeName = Error(
        DiagnosticIds.DuplicateTypeName,
        "Generated C# type name collides with another",
        "LoanWebhooks.Schemas.Naming",
        "The C# type {0} collides with {1}. Give this schema a distinct \"x-type-name\".");

    // A bad schema would make the generated code wrong or missing, so every schema diagnostic is a build error.
    private static DiagnosticDescriptor Error(string id, string title, string category, string messageFormat) =>
        new(id, title, messageFormat, category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);
}
