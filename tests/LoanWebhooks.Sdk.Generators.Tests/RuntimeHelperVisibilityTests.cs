using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using LoanWebhooks.Sdk.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LoanWebhooks.Sdk.Generators.Tests;

/// <summary>
/// "The generator's runtime helpers it calls are public for this, hidden from IntelliSense": the code generated from
/// the real schemas, compiled outside the SDK (as in a project with a provider of its own), may use SDK types of two
/// kinds only — the ones users write themselves (events, providers, parsers), listed here, and helpers that carry
/// <c>[EditorBrowsable(EditorBrowsableState.Never)]</c>. A new helper without the attribute fails here.
/// </summary>
public sealed class RuntimeHelperVisibilityTests
{
    /// <summary>SDK types the README shows users, which generated code also names: they stay visible.</summary>
    private static readonly string[] UserFacing =
    [
        "LoanWebhooks.Sdk.Events.IHasExtensionData",
        "LoanWebhooks.Sdk.Events.IUnknownWebhookEvent",
        "LoanWebhooks.Sdk.Events.WebhookEvent",
        "LoanWebhooks.Sdk.Events.WebhookEventMatch",
        "LoanWebhooks.Sdk.Events.WebhookProvider",
        "LoanWebhooks.Sdk.Parsing.WebhookParser`1",
        "LoanWebhooks.Sdk.Parsing.WebhookParserOptions",
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, INamedTypeSymbol>> UsedSdkTypes = new(CollectUsedSdkTypes);

    [Fact]
    public void Every_sdk_type_the_generated_code_uses_is_either_user_facing_or_hidden_from_intellisense()
    {
        var visibleHelpers = UsedSdkTypes.Value
            .Where(t => !UserFacing.Contains(t.Key, StringComparer.Ordinal) && !IsHiddenFromIntelliSense(t.Value))
            .Select(t => t.Key)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(UsedSdkTypes.Value.Count > UserFacing.Length, "The generated code uses no helper at all: the walk found nothing.");
        Assert.True(visibleHelpers.Count == 0, "Generated code uses SDK types that are neither user-facing nor [EditorBrowsable(Never)]: " + string.Join(", ", visibleHelpers));
    }

    [Fact]
    public void Every_type_listed_as_user_facing_is_used_by_the_generated_code_and_is_not_hidden()
    {
        Assert.All(UserFacing, name =>
        {
            Assert.True(UsedSdkTypes.Value.TryGetValue(name, out var type), $"{name} is listed as user-facing but the generated code does not use it: drop it from the list.");
            Assert.False(IsHiddenFromIntelliSense(type!), $"{name} is one users write, yet hidden from IntelliSense.");
        });
    }

    /// <summary>Every type of the SDK assembly that a name in the generated code binds to (or whose member it calls).</summary>
    private static IReadOnlyDictionary<string, INamedTypeSymbol> CollectUsedSdkTypes()
    {
        var compilation = RuntimeCompilation.Compile(GeneratorHarness.Run(GeneratorHarness.RealSchemas()));
        var used = new Dictionary<string, INamedTypeSymbol>(StringComparer.Ordinal);
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
            {
                ISymbol? symbol = model.GetSymbolInfo(node).Symbol;
                INamedTypeSymbol? type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
                for (; type is not null; type = type.ContainingType)
                {
                    if (type.ContainingAssembly?.Name == "LoanWebhooks.Sdk")
                    {
                        used[MetadataName(type.OriginalDefinition)] = type.OriginalDefinition;
                    }
                }
            }
        }

        return used;
    }

    private static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingType is { } outer ? MetadataName(outer) + "+" + type.MetadataName : type.ContainingNamespace.ToDisplayString() + "." + type.MetadataName;

    private static bool IsHiddenFromIntelliSense(INamedTypeSymbol type) =>
        type.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() == typeof(EditorBrowsableAttribute).FullName
            && a.ConstructorArguments is [{ Value: int state }]
            && state == (int)EditorBrowsableState.Never);
}
