using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Testing;

/// <summary>
/// Every documented sample webhook, embedded in this assembly. Payitoff documents most samples with
/// bare object placeholders (<c>"borrower": Borrower</c>); those are expanded with the example objects
/// in <c>Samples/payitoff/objects/</c>, which are ours, not Payitoff's. Events the docs name but show
/// no sample for have a body we built in <c>Samples/&lt;provider&gt;/prose/</c>
/// (<see cref="DocumentedSampleOrigin.Prose"/>); events whose docs show only part of a sample have a body
/// with the members shown in <c>Samples/&lt;provider&gt;/partial/</c> (<see cref="DocumentedSampleOrigin.Partial"/>).
/// </summary>
public static class DocumentedSamples
{
    private const string Prefix = "Samples/";
    private static readonly Lazy<IReadOnlyList<DocumentedSample>> Samples = new(Load);

    /// <summary>All samples, ordered by provider then event type.</summary>
    public static IReadOnlyList<DocumentedSample> All => Samples.Value;

    /// <summary>The samples of one provider.</summary>
    /// <param name="provider">The provider.</param>
    /// <returns>Its samples, ordered by event type.</returns>
    public static IReadOnlyList<DocumentedSample> For(WebhookProvider provider) =>
        All.Where(s => s.Provider == provider).ToList();

    /// <summary>The sample of one event type.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="eventType">The canonical event type.</param>
    /// <returns>The sample.</returns>
    /// <exception cref="KeyNotFoundException">No sample is documented for that event type.</exception>
    public static DocumentedSample Get(WebhookProvider provider, string eventType) =>
        All.FirstOrDefault(s => s.Provider == provider && s.EventType == eventType)
        ?? throw new KeyNotFoundException($"No documented {provider} sample for '{eventType}'.");

    private static System.Collections.ObjectModel.ReadOnlyCollection<DocumentedSample> Load()
    {
        var assembly = typeof(DocumentedSamples).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        var samples = new List<DocumentedSample>();
        foreach (var provider in WebhookProvider.BuiltIn)
        {
            string folder = Prefix + provider.ToString().ToLowerInvariant() + "/";
            var objects = names
                .Where(n => n.StartsWith(folder + "objects/", StringComparison.Ordinal))
                .ToDictionary(n => Path.GetFileNameWithoutExtension(n), n => Read(assembly, n).Trim(), StringComparer.Ordinal);
            var providerSamples = new List<DocumentedSample>();
            foreach (string name in names.Where(n => IsDirectlyIn(n, folder)))
            {
                string documented = Read(assembly, name);
                string body = Expand(documented, objects, out bool expanded);
                providerSamples.Add(new DocumentedSample(
                    provider,
                    Path.GetFileNameWithoutExtension(name),
                    documented,
                    body,
                    expanded ? DocumentedSampleOrigin.Expanded : DocumentedSampleOrigin.Verbatim));
            }

            foreach (string name in names.Where(n => IsDirectlyIn(n, folder + "prose/")))
            {
                // Nothing was documented: the body we built is all there is.
                string body = Read(assembly, name);
                providerSamples.Add(new DocumentedSample(provider, Path.GetFileNameWithoutExtension(name), body, body, DocumentedSampleOrigin.Prose));
            }

            foreach (string name in names.Where(n => IsDirectlyIn(n, folder + "partial/")))
            {
                // Only part of the sample was documented: the body we completed from it is all there is.
                string body = Read(assembly, name);
                providerSamples.Add(new DocumentedSample(provider, Path.GetFileNameWithoutExtension(name), body, body, DocumentedSampleOrigin.Partial));
            }

            samples.AddRange(providerSamples.OrderBy(s => s.EventType, StringComparer.Ordinal));
        }

        return samples.AsReadOnly();
    }

    private static bool IsDirectlyIn(string name, string folder) =>
        name.StartsWith(folder, StringComparison.Ordinal) && name.IndexOf('/', folder.Length) < 0;

    /// <summary>Replaces a bare placeholder value (<c>: Borrower</c>) with its example object.</summary>
    private static string Expand(string documented, Dictionary<string, string> objects, out bool expanded)
    {
        bool replaced = false;
        string body = Regex.Replace(documented, @"(?<=:\s*)(?<name>[A-Z][A-Za-z]*)(?=\s*[,}\]])", match =>
        {
            if (!objects.TryGetValue(match.Groups["name"].Value, out string? example))
            {
                return match.Value;
            }

            replaced = true;
            return example;
        });
        expanded = replaced;
        return body;
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
