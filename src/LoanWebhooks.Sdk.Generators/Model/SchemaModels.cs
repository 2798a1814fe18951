using Microsoft.CodeAnalysis;

namespace LoanWebhooks.Sdk.Generators.Model;

/// <summary>The C# shape a schema value maps to.</summary>
internal enum ValueKind
{
    String,
    Int64,
    Decimal,
    Boolean,

    /// <summary>A boolean some payloads send as the string "true"/"false" (<c>x-coerce: boolean</c>).</summary>
    CoercedBoolean,

    /// <summary>An identifier some payloads send as a number (<c>x-coerce: string</c>); exposed as the text sent.</summary>
    CoercedString,
    DateTimeOffset,
    UnixMillisecondsDateTimeOffset,
    Date,
    JsonElement,
    Record,
    List,

    /// <summary>An extensible string enum (<c>x-known-values</c>); <see cref="TypeModel.RecordName"/> names the struct.</summary>
    KnownString,
}

/// <summary>A value type reference; <see cref="Element"/> is set for lists, <see cref="RecordName"/> for records.</summary>
internal sealed record TypeModel(ValueKind Kind, bool Nullable, string? RecordName, TypeModel? Element)
{
    public TypeModel WithNullable(bool nullable) => this with { Nullable = nullable };
}

internal sealed record PropertyModel(
    string JsonName,
    string CSharpName,
    TypeModel Type,
    bool Required,
    bool Sensitive,
    string? Summary);

internal sealed record RecordModel(
    string TypeName,
    string? Summary,
    string? Remarks,
    string SourcePath,
    EquatableArray<PropertyModel> Properties,
    EventInfoModel? Event);

/// <summary>Present on the record that is an event's root.</summary>
internal sealed record EventInfoModel(
    string EventType,
    EquatableArray<string> Aliases,
    string? RootDiscriminatorJsonName,
    string? Family,
    InferenceModel? Inference);

/// <summary>When a body without a discriminator may be taken for this event (<c>x-infer</c>).</summary>
internal sealed record InferenceModel(EquatableArray<string> Members, EquatableArray<InferenceValuesModel> Values);

/// <summary>A top-level member whose string value must be one of <see cref="Values"/>.</summary>
internal sealed record InferenceValuesModel(string Member, EquatableArray<string> Values);

/// <summary>An extensible string enum: the known values as sent, and their C# member names.</summary>
internal sealed record KnownValuesModel(
    string TypeName,
    string? Summary,
    string SourcePath,
    EquatableArray<KnownValueModel> Values);

internal sealed record KnownValueModel(string Value, string MemberName);

internal sealed record ProviderModel(
    string Name,
    string Namespace,
    string? Summary,
    EquatableArray<string> DiscriminatorPath,
    bool DiscriminatorOptional,
    bool DiscriminatorVersioned,
    EquatableArray<string> IdempotencyKeyPath,
    EquatableArray<RecordModel> Records,
    EquatableArray<KnownValuesModel> Enums,
    EquatableArray<FamilyModel> Families);

/// <summary>
/// An <c>x-family</c> and the members every one of its events has with the same name and type, which the
/// family's base record declares (abstract) so a family handler can read them without a cast.
/// </summary>
internal sealed record FamilyModel(string Name, EquatableArray<PropertyModel> SharedProperties);

/// <summary>
/// A diagnostic to report: its descriptor, the arguments of the descriptor's message format and where. Plain data,
/// so a result with the same diagnostics compares equal and the output step caches.
/// </summary>
internal sealed record DiagnosticModel(DiagnosticDescriptor Descriptor, EquatableArray<string> MessageArguments, string FilePath, int Line, int Column);

/// <summary>What reading one provider's folder produced: a model to emit, or only diagnostics.</summary>
internal sealed record ProviderResult(string ProviderFolder, ProviderModel? Provider, EquatableArray<DiagnosticModel> Diagnostics);

internal sealed record SchemaFile(string Path, string Text);

/// <summary>A provider's name (<c>x-provider</c>) and the namespace its types are generated in.</summary>
internal sealed record ProviderIdentity(string Name, string Namespace);
