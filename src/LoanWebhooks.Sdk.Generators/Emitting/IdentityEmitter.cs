using System.Collections.Generic;
using LoanWebhooks.Sdk.Generators.Model;

namespace LoanWebhooks.Sdk.Generators.Emitting;

/// <summary>
/// Emits who a provider is: <c>WebhookProvider.Canopy</c> when compiling the SDK itself (plus the list of its
/// built-in providers and their parsers), <c>AcmeWebhooks.Provider</c> in any other assembly.
/// </summary>
internal static class IdentityEmitter
{
    private const string Events = "global::LoanWebhooks.Sdk.Events";

    /// <summary>The expression generated code uses for the provider.</summary>
    public static string Reference(ProviderModel provider, bool builtIn) => builtIn
        ? $"{Events}.WebhookProvider.{provider.Name}"
        : $"global::{provider.Namespace}.{provider.Name}Webhooks.Provider";

    /// <summary>A built-in provider as a static property of the SDK's <c>WebhookProvider</c>.</summary>
    public static string EmitBuiltInIdentity(ProviderModel provider)
    {
        var w = new SourceWriter();
        FileHeader.Write(w, null);
        w.Line("namespace LoanWebhooks.Sdk.Events;");
        w.Line();
        w.Open("partial struct WebhookProvider");
        w.DocXml("summary", $"{SourceWriter.Escape(provider.Name)}, from <c>x-provider</c> in its schema folder's provider.json.");
        if (!string.IsNullOrWhiteSpace(provider.Summary))
        {
            w.Doc("remarks", provider.Summary);
        }

        // A property, not a field: the list of built-in providers reads these, and static initializers in the files of
        // a partial type run in no defined order.
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Line($"public static WebhookProvider {provider.Name} => new({SourceWriter.Literal(provider.Name)}, validated: true);");
        w.Close();
        return w.ToString();
    }

    /// <summary>A provider of another assembly: a static class beside its events that holds its identity.</summary>
    public static string EmitIdentity(ProviderModel provider)
    {
        var w = ProviderEmitter.Start(provider);
        w.DocXml("summary", $"The {SourceWriter.Escape(provider.Name)} provider, from <c>x-provider</c> in its schema folder's provider.json. Pass <see cref=\"Provider\"/> to the base constructor of its <c>WebhookProviderOptions</c>.");
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public static partial class {provider.Name}Webhooks");
        w.Doc("summary", "The provider's identity, which its events, parser and options carry.");
        w.Line($"public static {Events}.WebhookProvider Provider {{ get; }} = new({SourceWriter.Literal(provider.Name)});");
        w.Close();
        return w.ToString();
    }

    /// <summary>The SDK's built-in providers, in name order.</summary>
    public static string EmitBuiltInList(IReadOnlyList<ProviderIdentity> providers)
    {
        var w = new SourceWriter();
        FileHeader.Write(w, null);
        w.Line("namespace LoanWebhooks.Sdk.Events;");
        w.Line();
        w.Open("partial struct WebhookProvider");
        w.Doc("summary", "The providers this SDK ships with, one per schema folder, in name order.");
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<WebhookProvider> BuiltIn { get; } = new WebhookProvider[]");
        w.Line("{");
        w.Indent();
        foreach (var provider in providers)
        {
            w.Line(provider.Name + ",");
        }

        w.Outdent();
        w.Line("};");
        w.Close();
        return w.ToString();
    }

    /// <summary>The default parser of each built-in provider, for <c>BuiltInWebhookParsers</c>.</summary>
    public static string EmitBuiltInParsers(IReadOnlyList<ProviderIdentity> providers)
    {
        var w = new SourceWriter();
        FileHeader.Write(w, null);
        w.Line("namespace LoanWebhooks.Sdk.Parsing;");
        w.Line();
        w.Open("partial class BuiltInWebhookParsers");
        w.Line("private static global::LoanWebhooks.Sdk.Parsing.IWebhookParser[] CreateAll() => new global::LoanWebhooks.Sdk.Parsing.IWebhookParser[]");
        w.Line("{");
        w.Indent();
        foreach (var provider in providers)
        {
            w.Line($"global::{provider.Namespace}.{provider.Name}WebhookParser.Default,");
        }

        w.Outdent();
        w.Line("};");
        w.Close();
        return w.ToString();
    }
}
