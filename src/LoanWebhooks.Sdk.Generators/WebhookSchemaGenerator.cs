using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using LoanWebhooks.Sdk.Generators.Emitting;
using LoanWebhooks.Sdk.Generators.Model;
using LoanWebhooks.Sdk.Generators.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LoanWebhooks.Sdk.Generators;

/// <summary>
/// Reads <c>schemas/&lt;provider&gt;/…json</c> (passed as AdditionalFiles) and emits, per provider,
/// the event and object records, their JSON converters, a JSON context and a discriminated-union parser.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WebhookSchemaGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var schemaFiles = context.AdditionalTextsProvider
            .Where(static text => SchemaReader.ProviderFolderOf(text.Path) is not null)
            .WithTrackingName(TrackingNames.ProviderSchemaFiles)
            .Select(static (text, cancellationToken) =>
                new SchemaFile(text.Path.Replace('\\', '/'), text.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.SchemaFileTexts);

        var providers = schemaFiles
            .Collect()
            .WithTrackingName(TrackingNames.AllSchemaFileTexts)
            .SelectMany(static (files, cancellationToken) => ImmutableArray.CreateRange(SchemaReader.ReadAll(files, cancellationToken)))
            .WithTrackingName(TrackingNames.ProviderResults);

        context.RegisterSourceOutput(providers, static (context, result) => Emit(context, result));

        var providerNames = providers
            .Where(static result => result.Provider is not null)
            .WithTrackingName(TrackingNames.ReadProviders)
            .Select(static (result, _) => result.Provider!.Name)
            .WithTrackingName(TrackingNames.ProviderNames)
            .Collect()
            .WithTrackingName(TrackingNames.AllProviderNames);
        context.RegisterSourceOutput(providerNames, static (context, names) =>
            Add(context, "WebhookParsers.g.cs", ProviderEmitter.EmitParserRegistry(names.OrderBy(n => n, StringComparer.Ordinal).ToList())));
    }

    private static void Emit(SourceProductionContext context, ProviderResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            context.ReportDiagnostic(ToDiagnostic(diagnostic));
        }

        if (result.Provider is not { } provider)
        {
            return;
        }

        foreach (var record in provider.Records)
        {
            string shortName = Names.ShortTypeName(provider.Name, record.TypeName);
            Add(context, $"{provider.Name}.{shortName}.g.cs", RecordEmitter.Emit(provider, record));
            Add(context, $"{provider.Name}.{shortName}.JsonConverter.g.cs", ConverterEmitter.Emit(provider, record));
        }

        foreach (var model in provider.Enums)
        {
            string shortName = Names.ShortTypeName(provider.Name, model.TypeName);
            Add(context, $"{provider.Name}.{shortName}.g.cs", KnownValuesEmitter.Emit(provider, model));
            Add(context, $"{provider.Name}.{shortName}.JsonConverter.g.cs", KnownValuesEmitter.EmitConverter(provider, model));
        }

        foreach (var family in provider.Families)
        {
            Add(context, $"{provider.Name}.{family.Name}Event.g.cs", ProviderEmitter.EmitFamily(provider, family));
        }

        Add(context, $"{provider.Name}.Event.g.cs", ProviderEmitter.EmitBaseEvent(provider));
        Add(context, $"{provider.Name}.UnknownEvent.g.cs", ProviderEmitter.EmitUnknownEvent(provider));
        Add(context, $"{provider.Name}.WebhookParser.g.cs", ProviderEmitter.EmitParser(provider));
        Add(context, $"{provider.Name}.JsonContext.g.cs", ProviderEmitter.EmitJsonContext(provider));
    }

    private static void Add(SourceProductionContext context, string hintName, string source) =>
        context.AddSource(hintName, SourceText.From(source, Encoding.UTF8));

    private static Diagnostic ToDiagnostic(DiagnosticModel model)
    {
        var position = new LinePosition(model.Line, model.Column);
        var location = Location.Create(model.FilePath, new TextSpan(0, 0), new LinePositionSpan(position, position));
        return Diagnostic.Create(model.Descriptor, location, model.MessageArguments.Select(argument => (object)argument).ToArray());
    }
}
