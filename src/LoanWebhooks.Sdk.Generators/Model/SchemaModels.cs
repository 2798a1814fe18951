namespace LoanWebhooks.Sdk.Generators.Model;

/// <summary>The C# shape a schema value maps to.</summary>
internal enum ValueKind
{
    String,
    Int64,
    Decimal,
    Boolean,
    DateTimeOffset,
    UnixMillisecondsDateTimeOffset,
    Date,
    JsonElement,
    Record,
    List,
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
    string? RootDiscriminatorJsonName);

internal sealed record ProviderModel(
    string Name,
    string Namespace,
    string? Summary,
    EquatableArray<string> DiscriminatorPath,
    bool DiscriminatorOptional,
    bool DiscriminatorVersioned,
    EquatableArray<string> IdempotencyKeyPath,
    EquatableArray<RecordModel> Records);

internal sealed record DiagnosticModel(string Id, string Message, string FilePath, int Line, int Column);

/// <summary>What reading one provider's folder produced: a model to emit, or only diagnostics.</summary>
internal sealed record ProviderResult(string ProviderFolder, ProviderModel? Provider, EquatableArray<DiagnosticModel> Diagnostics);

internal sealed record SchemaFile(string Path, string Text);
