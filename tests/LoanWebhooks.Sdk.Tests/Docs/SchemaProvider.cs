using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Tests.Docs;

/// <summary>What one <c>schemas/&lt;provider&gt;/</c> folder says about its provider: the facts docs must repeat.</summary>
/// <param name="Folder">The folder name, e.g. <c>canopy</c>.</param>
/// <param name="Name">The <c>x-provider</c> value, which is also the <see cref="WebhookProvider"/> member's name.</param>
/// <param name="Discriminator">The <c>x-discriminator</c> JSON Pointer.</param>
/// <param name="DiscriminatorOptional">The <c>x-discriminator-optional</c> flag.</param>
/// <param name="DiscriminatorVersioned">The <c>x-discriminator-versioned</c> flag.</param>
/// <param name="IdempotencyKey">The <c>x-idempotency-key</c> JSON Pointer, or null when the provider sends no id.</param>
/// <param name="EventSchemaCount">How many event schemas <c>events/</c> holds.</param>
internal sealed record SchemaProvider(
    string Folder,
    string Name,
    string Discriminator,
    bool DiscriminatorOptional,
    bool DiscriminatorVersioned,
    string? IdempotencyKey,
    int EventSchemaCount)
{
    /// <summary>The provider as the runtime names it.</summary>
    public WebhookProvider Provider => new(Name);

    /// <summary>The discriminator as the docs write it: <c>/payload/details/messageType</c> is <c>payload.details.messageType</c>.</summary>
    public string DiscriminatorAsWritten => Dotted(Discriminator);

    /// <summary>The deduplication id as the docs write it, or null.</summary>
    public string? IdempotencyKeyAsWritten => IdempotencyKey is null ? null : Dotted(IdempotencyKey);

    /// <summary>Every provider folder under <c>schemas/</c>, in folder-name order.</summary>
    public static IReadOnlyList<SchemaProvider> ReadAll() =>
        Directory.EnumerateDirectories(RepositoryFiles.PathOf("schemas"))
            .Where(folder => File.Exists(Path.Combine(folder, "provider.json")))
            .OrderBy(folder => folder, StringComparer.Ordinal)
            .Select(Read)
            .ToList();

    private static SchemaProvider Read(string folder)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "provider.json")));
        var root = manifest.RootElement;
        return new SchemaProvider(
            Path.GetFileName(folder),
            root.GetProperty("x-provider").GetString()!,
            root.GetProperty("x-discriminator").GetString()!,
            Flag(root, "x-discriminator-optional"),
            Flag(root, "x-discriminator-versioned"),
            root.TryGetProperty("x-idempotency-key", out var key) ? key.GetString() : null,
            Directory.EnumerateFiles(Path.Combine(folder, "events"), "*.json").Count());
    }

    private static bool Flag(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    // The schemas' pointers never use the ~0/~1 escapes, so a pointer's segments are its slash-separated parts.
    private static string Dotted(string pointer) => pointer.TrimStart('/').Replace('/', '.');
}
