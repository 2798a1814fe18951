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
/// the event and object records, their JSON converters, a JSON context, a discriminated-union parser and the
/// provider's identity. Generated code for one provider names no other provider; only the SDK's own build adds
/// the list of its built-in providers.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WebhookSchemaGenerator : IIncrementalGenerator
{
    private const string SdkAssemblyName = "LoanWebhooks.Sdk";

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

        // The SDK itself declares WebhookProvider, so its providers become WebhookProvider.Canopy…; in any other
        // assembly a provider's identity is generated beside its events (AcmeWebhooks.Provider).
        var emitsBuiltIn = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName == SdkAssemblyName)
            .WithTrackingName(TrackingNames.EmitsBuiltInProviders);

        context.RegisterSourceOutput(providers.Combine(emitsBuiltIn), static (context, pair) => Emit(context, pair.Left, pair.Right));

        var builtInProviders = providers
            .Where(static result => result.Provider is not null)
            .WithTrackingName(TrackingNames.ReadProviders)
            .Select(static (result, _) => new ProviderIdentity(result.Provider!.Name, result.Provider.Namespace))
            .WithTrackingName(TrackingNames.ProviderIdentities)
            .Collect()
            .WithTrackingName(TrackingNames.AllProviderIdentities)
            .Combine(emitsBuiltIn);
        context.RegisterSourceOutput(builtInProviders, static (context, pair) =>
        {
            if (pair.Right)
            {
                var providers = pair.Left.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
                Add(context, "WebhookProvider.BuiltIn.g.cs", IdentityEmitter.EmitBuiltInList(providers));
                Add(context, "BuiltInWebhookParsers.g.cs", IdentityEmitter.EmitBuiltInParsers(providers));
            }
        });
    }

    private static void Emit(SourceProductionContext context, ProviderResult result, bool builtIn)
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
            Add(context, $"{provider.Name}.{shortName}.g.cs", RecordEmitter.Emit(provider, record, builtIn));
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

        Add(context, builtIn ? $"WebhookProvider.{provider.Name}.g.cs" : $"{provider.Name}.Webhooks.g.cs", builtIn
            ? IdentityEmitter.EmitBuiltInIdentity(provider)
            : IdentityEmitter.EmitIdentity(provider));
        Add(context, $"{provider.Name}.Event.g.cs", ProviderEmitter.EmitBaseEvent(provider, builtIn));
        Add(context, $"{provider.Name}.UnknownEvent.g.cs", ProviderEmitter.EmitUnknownEvent(provider));
        Add(context, $"{provider.Name}.WebhookParser.g.cs", ProviderEmitter.EmitParser(provider, builtIn));
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
