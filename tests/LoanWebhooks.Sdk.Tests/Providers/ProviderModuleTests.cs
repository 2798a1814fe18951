using System;
using System.IO;
using System.Linq;
using System.Reflection;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Tests.Docs;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Providers;

/// <summary>
/// A built-in provider is a module: its options (which create its parser) and its <c>AddX</c> builder extension sit
/// in its own namespace and folder, found here by the provider's name, so a provider added without them fails.
/// </summary>
public sealed class ProviderModuleTests
{
    private static readonly Assembly Sdk = typeof(WebhookProvider).Assembly;

    public static TheoryData<string> BuiltInProviders() => new(WebhookProvider.BuiltIn.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(BuiltInProviders))]
    public void A_built_in_provider_has_options_in_its_own_namespace_that_create_its_parser(string name)
    {
        var provider = new WebhookProvider(name);
        var optionsType = Sdk.GetType($"LoanWebhooks.Sdk.{name}.{name}WebhookOptions");

        var options = Assert.IsAssignableFrom<WebhookProviderOptions>(Activator.CreateInstance(Assert.IsAssignableFrom<Type>(optionsType)));

        Assert.Equal(provider, options.Provider);
        Assert.Equal(provider, options.BuildParser().Provider);
    }

    [Theory]
    [MemberData(nameof(BuiltInProviders))]
    public void A_built_in_provider_has_its_own_builder_extension_beside_AddLoanWebhooks(string name)
    {
        var extensions = Sdk.GetType($"Microsoft.Extensions.DependencyInjection.{name}LoanWebhooksBuilderExtensions");

        var add = Assert.IsAssignableFrom<Type>(extensions).GetMethod("Add" + name, BindingFlags.Public | BindingFlags.Static);

        Assert.Equal(typeof(LoanWebhooksBuilder), Assert.IsAssignableFrom<MethodInfo>(add).ReturnType);
    }

    [Theory]
    [MemberData(nameof(BuiltInProviders))]
    public void A_built_in_providers_default_parser_is_listed(string name)
    {
        Assert.Equal(new WebhookProvider(name), BuiltInWebhookParsers.Default(new WebhookProvider(name)).Provider);
    }

    [Fact]
    public void Every_schema_folder_has_one_provider_folder_in_the_sdk_and_there_is_no_other()
    {
        var schemaFolders = Directory.EnumerateDirectories(RepositoryFiles.PathOf("schemas")).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        var providerFolders = Directory.EnumerateDirectories(RepositoryFiles.PathOf("src/LoanWebhooks.Sdk/Providers"))
            .Select(folder => Path.GetFileName(folder)!.ToLowerInvariant())
            .Order(StringComparer.Ordinal);

        Assert.Equal(schemaFolders, providerFolders);
    }

    [Fact]
    public void A_provider_that_is_not_built_in_has_no_default_parser()
    {
        Assert.Throws<ArgumentException>(() => BuiltInWebhookParsers.Default(new WebhookProvider("Acme")));
    }

    [Fact]
    public void Two_options_classes_for_one_provider_are_refused()
    {
        var services = new ServiceCollection();

        var e = Assert.Throws<ArgumentException>(() => services.AddLoanWebhooks(b => b
            .AddCanopy(o => o.UseSignatureSecret("canopy-secret-1"))
            .AddProvider<OtherCanopyOptions>(_ => { })));

        Assert.Contains("CanopyWebhookOptions", e.Message, StringComparison.Ordinal);
    }

    private sealed class OtherCanopyOptions : WebhookProviderOptions
    {
        public OtherCanopyOptions()
            : base(WebhookProvider.Canopy)
        {
        }

        protected override IWebhookParser CreateParser(WebhookParserOptions limits) => new LoanWebhooks.Sdk.Canopy.CanopyWebhookParser(limits);
    }
}
