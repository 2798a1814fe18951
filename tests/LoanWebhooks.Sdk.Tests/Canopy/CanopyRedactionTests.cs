using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Canopy;

/// <summary>
/// Every value a Canopy schema marks x-sensitive, in every Canopy sample, is printed as *** by ToString
/// yet readable through its property. The sensitive members are found by walking each sample alongside
/// its schema, so a newly marked field is checked without touching this test.
/// </summary>
public sealed class CanopyRedactionTests
{
    private static readonly string SchemaFolder = Path.Combine(AppContext.BaseDirectory, "schemas", "canopy");

    public static TheoryData<string> SampleNames() => DocumentedSampleData.Names(s => s.Provider == WebhookProvider.Canopy);

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sensitive_values_are_readable_but_never_printed(string name)
    {
        var sample = DocumentedSampleData.Sample(name);
        var webhookEvent = BuiltInWebhookParsers.Default(WebhookProvider.Canopy).Parse(sample.Body.Span);
        var walk = Walk(sample);

        string printed = webhookEvent.ToString();

        foreach (var found in walk.Sensitive)
        {
            Assert.True(found.Documented == Text(found.Value), $"{found.Path}: the property does not return the documented value.");
            Assert.Contains(found.CSharpName + " = ***", found.Owner.ToString(), StringComparison.Ordinal);

            // A value also sent in a member that is not sensitive (Canopy's "string" placeholders) is printed there legitimately.
            if (found.Documented.Length > 0 && !walk.PrintableValues.Contains(found.Documented))
            {
                Assert.False(printed.Contains(found.Documented, StringComparison.Ordinal), $"{found.Path}: its value appears in ToString().");
            }
        }
    }

    [Fact]
    public void Account_create_sample_covers_the_personal_and_secret_fields()
    {
        var walk = Walk(DocumentedSamples.Get(WebhookProvider.Canopy, "account_create"));

        var names = walk.Sensitive.Select(f => f.Path.Split('.').Last()).ToHashSet(StringComparer.Ordinal);

        string[] expected =
        {
            "ssn", "date_of_birth", "email", "phone_number", "name_first", "name_last", "address_line_one", "address_zip",
            "number", "international_customer_id", "bank_account_number", "bank_routing_number", "irs_tin", "business_ein",
            "ach_token", "card_token", "token", "plaid_processor_token", "account_token", "expires_on",
        };
        Assert.Empty(expected.Except(names));
    }

    [Fact]
    public void Every_member_a_Canopy_schema_marks_sensitive_is_exercised_by_a_sample()
    {
        var declared = Directory.GetFiles(SchemaFolder, "*.json", SearchOption.AllDirectories)
            .SelectMany(file => SensitivePointers(JsonNode.Parse(File.ReadAllText(file))!, Relative(file), string.Empty))
            .ToHashSet(StringComparer.Ordinal);

        var exercised = DocumentedSamples.For(WebhookProvider.Canopy)
            .SelectMany(sample => Walk(sample).Sensitive.Select(f => f.SchemaPointer))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(declared);
        Assert.Empty(declared.Except(exercised));
    }

    private static WalkResult Walk(DocumentedSample sample)
    {
        var webhookEvent = BuiltInWebhookParsers.Default(WebhookProvider.Canopy).Parse(sample.Body.Span);
        using var document = JsonDocument.Parse(sample.Body);
        var result = new WalkResult();
        string schemaFile = Path.Combine(SchemaFolder, "events", sample.EventType + ".json");
        Walk(LoadSchema(schemaFile), schemaFile, string.Empty, document.RootElement, webhookEvent, "$", result);
        return result;
    }

    private static void Walk(JsonNode schema, string schemaFile, string schemaPointer, JsonElement json, object? value, string path, WalkResult result)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            schemaFile = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(schemaFile)!, reference.GetValue<string>()));
            Walk(LoadSchema(schemaFile), schemaFile, string.Empty, json, value, path, result);
            return;
        }

        switch (json.ValueKind)
        {
            case JsonValueKind.Object when schema["properties"] is JsonObject properties && value is not null && value is not JsonElement:
                foreach (var member in json.EnumerateObject())
                {
                    var property = FindProperty(value.GetType(), member.Name);
                    if (!properties.TryGetPropertyValue(member.Name, out var memberSchema) || property is null)
                    {
                        continue;
                    }

                    string memberPointer = Relative(schemaFile) + "#" + schemaPointer + "/properties/" + member.Name;
                    object? memberValue = property.GetValue(value);
                    if (memberSchema!["x-sensitive"]?.GetValue<bool>() == true)
                    {
                        if (member.Value.ValueKind != JsonValueKind.Null)
                        {
                            result.Sensitive.Add(new SensitiveValue(path + "." + member.Name, memberPointer, member.Value.ToString(), memberValue, value, property.Name));
                        }
                    }
                    else
                    {
                        Walk(memberSchema, schemaFile, schemaPointer + "/properties/" + member.Name, member.Value, memberValue, path + "." + member.Name, result);
                    }
                }

                break;

            case JsonValueKind.Array when schema["items"] is { } items && value is IEnumerable list:
                var elements = list.Cast<object?>().ToList();
                int index = 0;
                foreach (var item in json.EnumerateArray())
                {
                    Walk(items, schemaFile, schemaPointer + "/items", item, elements[index], path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", result);
                    index++;
                }

                break;

            case JsonValueKind.String:
                result.PrintableValues.Add(json.GetString()!);
                break;
        }
    }

    private static IEnumerable<string> SensitivePointers(JsonNode schema, string file, string pointer)
    {
        if (schema is not JsonObject node)
        {
            yield break;
        }

        if (node["properties"] is JsonObject properties)
        {
            foreach (var (name, propertySchema) in properties)
            {
                string propertyPointer = pointer + "/properties/" + name;
                if (propertySchema!["x-sensitive"]?.GetValue<bool>() == true)
                {
                    yield return file + "#" + propertyPointer;
                }
                else
                {
                    foreach (string nested in SensitivePointers(propertySchema, file, propertyPointer))
                    {
                        yield return nested;
                    }
                }
            }
        }

        if (node["items"] is { } items)
        {
            foreach (string nested in SensitivePointers(items, file, pointer + "/items"))
            {
                yield return nested;
            }
        }
    }

    private static PropertyInfo? FindProperty(Type type, string jsonName) =>
        type.GetProperties().SingleOrDefault(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == jsonName);

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static JsonNode LoadSchema(string file) => JsonNode.Parse(File.ReadAllText(file))!;

    private static string Relative(string file) => Path.GetRelativePath(SchemaFolder, file).Replace('\\', '/');

    private sealed record SensitiveValue(string Path, string SchemaPointer, string Documented, object? Value, object Owner, string CSharpName);

    private sealed class WalkResult
    {
        public List<SensitiveValue> Sensitive { get; } = new();

        public HashSet<string> PrintableValues { get; } = new(StringComparer.Ordinal);
    }
}
