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
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Receeve;

/// <summary>
/// Every receeve member a schema marks x-sensitive, found by walking the schemas: its documented value
/// is readable through the property and never printed by ToString().
/// </summary>
public sealed class ReceeveSensitiveDataTests
{
    private static readonly string SchemaFolder = Path.Combine(AppContext.BaseDirectory, "schemas", "receeve");
    private static readonly Lazy<IReadOnlyList<Occurrence>> Walked = new(WalkAllSamples);

    public static TheoryData<string> SensitiveFields()
    {
        var fields = new TheoryData<string>();

        // payloadAsString is in no documented sample (receeve's samples predate it); a signed body covers it below.
        foreach (string field in Walked.Value.Select(o => o.Field).Where(f => !f.EndsWith(": payloadAsString", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal))
        {
            fields.Add(field);
        }

        return fields;
    }

    [Fact]
    public void Sensitive_fields_include_the_debtors_personal_data()
    {
        var fields = Walked.Value.Select(o => o.Field).ToHashSet();

        Assert.Contains("objects/debtor.json: birthday", fields);
        Assert.Contains("objects/contact-information.json: mobileNumber", fields);
        Assert.Contains("objects/debtor-email-details.json: to", fields);
        Assert.Contains("objects/user.json: email", fields);
    }

    [Theory]
    [MemberData(nameof(SensitiveFields))]
    public void Documented_value_is_readable_through_the_property_but_not_printed(string field)
    {
        var documented = Walked.Value.Where(o => o.Field == field && o.Documented is not null).ToList();

        Assert.NotEmpty(documented);
        foreach (var occurrence in documented)
        {
            Assert.Equal(occurrence.Documented, Describe(occurrence.Value));
            Assert.Contains($"{occurrence.PropertyName} = ***", occurrence.Printed, StringComparison.Ordinal);
            Assert.DoesNotContain($"{occurrence.PropertyName} = {occurrence.Documented}", occurrence.Printed, StringComparison.Ordinal);
            // Short values (gender "M", country "DE") also occur in unrelated printed text.
            if (occurrence.Documented!.Length >= 4)
            {
                Assert.DoesNotContain(occurrence.Documented, occurrence.Printed, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_signed_payloadAsString_is_readable_through_the_property_but_not_printed()
    {
        using var signer = LoanWebhooks.Sdk.Testing.Signing.ReceeveWebhookSigner.CreateEcdsa();
        byte[] body = signer.Sign(DocumentedSamples.Get(WebhookProvider.Receeve, "event.accountDebtor.updated.v1").Body.Span);

        var webhookEvent = (ReceeveAccountDebtorUpdatedEvent)BuiltInWebhookParsers.Default(WebhookProvider.Receeve).Parse(body);
        string printed = webhookEvent.ToString();

        Assert.Contains("testEmail@example.com", webhookEvent.PayloadAsString, StringComparison.Ordinal);
        Assert.Contains("PayloadAsString = ***", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("testEmail@example.com", printed, StringComparison.Ordinal);
    }

    private static List<Occurrence> WalkAllSamples()
    {
        var found = new List<Occurrence>();
        foreach (var sample in DocumentedSamples.For(WebhookProvider.Receeve))
        {
            var webhookEvent = (ReceeveEvent)DocumentedSampleData.Parse(WebhookProvider.Receeve, sample.EventType);
            string schemaFile = Path.Combine(SchemaFolder, "events", sample.EventType + ".json");
            using var body = JsonDocument.Parse(sample.Body);
            var walk = new Walk(webhookEvent.ToString(), found);
            walk.Object(Load(schemaFile), schemaFile, "", body.RootElement, webhookEvent);
        }

        return found;
    }

    /// <summary>The documented JSON value as text; lists by their length (their items are not vetted members).</summary>
    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => $"[{value.GetArrayLength()} items]",
        _ => value.GetRawText(),
    };

    /// <summary>The property's value as text, in the same form as <see cref="Describe(JsonElement)"/>.</summary>
    private static string? Describe(object? value) => value switch
    {
        null => null,
        string text => text,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable items => $"[{items.Cast<object?>().Count()} items]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static JsonObject Load(string schemaFile) => JsonNode.Parse(File.ReadAllText(schemaFile))!.AsObject();

    private static string Relative(string schemaFile) => Path.GetRelativePath(SchemaFolder, schemaFile).Replace('\\', '/');

    /// <summary>A sensitive member of one sample; <see cref="Documented"/> is null when the sample lacks it.</summary>
    private sealed record Occurrence(string Field, string PropertyName, string? Documented, object? Value, string Printed);

    /// <summary>Walks a schema, the sample's JSON and the parsed record side by side.</summary>
    private sealed class Walk(string printed, List<Occurrence> found)
    {
        public void Object(JsonObject schema, string schemaFile, string path, JsonElement json, object record)
        {
            if (schema["properties"] is not JsonObject properties)
            {
                return;
            }

            foreach (var (name, node) in properties)
            {
                var propertySchema = node!.AsObject();
                var property = record.GetType().GetProperties()
                    .Single(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == name);
                bool present = json.TryGetProperty(name, out var member);
                object? value = property.GetValue(record);
                if (propertySchema["x-sensitive"]?.GetValue<bool>() == true)
                {
                    string field = $"{Relative(schemaFile)}: {path}{name}";
                    found.Add(new Occurrence(field, property.Name, present ? Describe(member) : null, value, printed));
                }

                if (present && value is not null)
                {
                    Value(propertySchema, schemaFile, path + name, member, value);
                }
            }
        }

        private void Value(JsonObject schema, string schemaFile, string path, JsonElement json, object value)
        {
            if (schema["$ref"] is JsonNode reference)
            {
                string target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(schemaFile)!, reference.GetValue<string>()));
                Object(Load(target), target, "", json, value);
            }
            else if (schema["items"] is JsonObject items && json.ValueKind == JsonValueKind.Array && value is IEnumerable list)
            {
                foreach (var (itemJson, item) in json.EnumerateArray().Zip(list.Cast<object>()))
                {
                    Value(items, schemaFile, path + "[]", itemJson, item);
                }
            }
            else if (schema["properties"] is JsonObject)
            {
                Object(schema, schemaFile, path + ".", json, value);
            }
        }
    }
}
