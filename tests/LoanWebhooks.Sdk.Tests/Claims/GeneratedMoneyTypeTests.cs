using System;
using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using LoanWebhooks.Sdk.Events;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Claims;

/// <summary>
/// "Money is never <c>double</c>": no member of any type the generator emitted from the schemas holds a binary
/// floating-point number, alone, nullable or inside a list or dictionary, so an amount can never be rounded on the
/// way in. A schema <c>number</c> is <c>decimal</c>, an <c>integer</c> <c>long</c>.
/// </summary>
public sealed class GeneratedMoneyTypeTests
{
    private static readonly Type[] BinaryFloatingPoint = [typeof(double), typeof(float), typeof(Half)];

    [Fact]
    public void No_member_of_a_generated_type_is_a_double_or_a_float()
    {
        Type[] generated = GeneratedTypes().ToArray();

        string[] floating = generated
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Select(p => (Member: type.Name + "." + p.Name, p.PropertyType))
                .Concat(type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Select(f => (Member: type.Name + "." + f.Name, f.FieldType))))
            .Where(m => Mentions(m.Item2).Intersect(BinaryFloatingPoint).Any())
            .Select(m => m.Member)
            .ToArray();

        Assert.True(generated.Length > 300, $"Only {generated.Length} generated types were found: the test no longer sees the generator's output.");
        Assert.Contains(generated.SelectMany(t => t.GetProperties()), p => Nullable.GetUnderlyingType(p.PropertyType) == typeof(decimal) || p.PropertyType == typeof(decimal));
        Assert.Empty(floating);
    }

    /// <summary>Every record, converter, parser and value type the generator emitted into the SDK, nested ones included.</summary>
    private static IEnumerable<Type> GeneratedTypes() =>
        typeof(WebhookEvent).Assembly.GetTypes()
            .Where(type => IsGenerated(type) || (type.DeclaringType is { } outer && IsGenerated(outer)));

    private static bool IsGenerated(Type type) =>
        type.GetCustomAttribute<GeneratedCodeAttribute>() is { Tool: "LoanWebhooks.Sdk.Generators" };

    /// <summary>The type and every type it is built from: element types, nullable and generic arguments.</summary>
    private static IEnumerable<Type> Mentions(Type type)
    {
        yield return type;
        IEnumerable<Type> parts = type.HasElementType ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : [];
        foreach (Type part in parts.SelectMany(Mentions))
        {
            yield return part;
        }
    }
}
