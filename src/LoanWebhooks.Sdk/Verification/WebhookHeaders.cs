using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Runtime.InteropServices;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// A read-only view of the headers of a webhook request, looked up by name without regard to case.
/// </summary>
/// <remarks>
/// Verifiers only ever need a header that should occur once, so this type keeps, per name, the value and
/// whether other copies disagreed with it. A name that occurs several times with different values is
/// reported as <see cref="WebhookHeaderLookup.Ambiguous"/> rather than silently resolved to one of them.
/// Values are not shown by <see cref="object.ToString"/>, because headers carry credentials.
/// </remarks>
public sealed class WebhookHeaders
{
    private readonly Dictionary<string, Entry> _entries;

    /// <summary>
    /// Creates headers from name-value pairs, one pair per header line; a name that appears in several
    /// pairs is a header sent several times.
    /// </summary>
    /// <param name="headers">The header lines. Pairs with a <see langword="null"/> value are ignored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A header name is <see langword="null"/> or empty.</exception>
    public WebhookHeaders(IEnumerable<KeyValuePair<string, string?>> headers)
    {
        // Stryker disable once Statement : equivalent. CreateDictionary reads the null sequence next and throws ArgumentNullException too; the guard states the contract up front.
        ArgumentNullException.ThrowIfNull(headers);

        _entries = CreateDictionary(headers);
        foreach (KeyValuePair<string, string?> header in headers)
        {
            Add(header.Key, header.Value, nameof(headers));
        }
    }

    private WebhookHeaders(Dictionary<string, Entry> entries) => _entries = entries;

    /// <summary>Gets headers that contain no header at all.</summary>
    public static WebhookHeaders Empty { get; } = new(new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Creates headers from a collection that groups the values of each name, such as ASP.NET Core's
    /// <c>IHeaderDictionary</c>, <see cref="System.Net.Http.Headers.HttpHeaders"/> or a
    /// <c>Dictionary&lt;string, string[]&gt;</c>.
    /// </summary>
    /// <typeparam name="TValues">
    /// The type holding the values of one name. Being generic lets a struct such as <c>StringValues</c> be
    /// passed as it is, with no per-header conversion or copy by the caller.
    /// </typeparam>
    /// <param name="headers">The headers. <see langword="null"/> values, and <see langword="null"/> value collections, are ignored.</param>
    /// <returns>The headers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A header name is <see langword="null"/> or empty.</exception>
    public static WebhookHeaders Create<TValues>(IEnumerable<KeyValuePair<string, TValues>> headers)
        where TValues : IEnumerable<string?>
    {
        // Stryker disable once Statement : equivalent. CreateDictionary reads the null sequence next and throws ArgumentNullException too; the guard states the contract up front.
        ArgumentNullException.ThrowIfNull(headers);

        var result = new WebhookHeaders(CreateDictionary(headers));
        foreach (KeyValuePair<string, TValues> header in headers)
        {
            if (header.Value is null)
            {
                result.Add(header.Key, null, nameof(headers));
                continue;
            }

            foreach (string? value in header.Value)
            {
                result.Add(header.Key, value, nameof(headers));
            }
        }

        return result;
    }

    /// <summary>Looks up a header that should occur once, telling a missing header from an ambiguous one.</summary>
    /// <param name="name">The header name, in any case.</param>
    /// <param name="value">
    /// The header value when the result is <see cref="WebhookHeaderLookup.Found"/>; otherwise an empty string.
    /// </param>
    /// <returns>Whether the header is missing, found, or ambiguous.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public WebhookHeaderLookup FindSingleValue(string name, out string value)
    {
        // Stryker disable once Statement : equivalent. The dictionary lookup below throws ArgumentNullException for a null name too; the guard states the contract up front.
        ArgumentNullException.ThrowIfNull(name);

        if (!_entries.TryGetValue(name, out Entry entry))
        {
            value = string.Empty;
            return WebhookHeaderLookup.Missing;
        }

        if (entry.IsAmbiguous)
        {
            value = string.Empty;
            return WebhookHeaderLookup.Ambiguous;
        }

        value = entry.Value;
        return WebhookHeaderLookup.Found;
    }

    /// <summary>Gets the value of a header that occurs once.</summary>
    /// <param name="name">The header name, in any case.</param>
    /// <param name="value">The header value, or <see langword="null"/> when this method returns <see langword="false"/>.</param>
    /// <returns>
    /// <see langword="true"/> when the header has a single value; <see langword="false"/> when it is missing
    /// or occurs several times with different values. Use <see cref="FindSingleValue"/> to tell those apart.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        if (FindSingleValue(name, out string found) == WebhookHeaderLookup.Found)
        {
            value = found;
            return true;
        }

        value = null;
        return false;
    }

    private static Dictionary<string, Entry> CreateDictionary<T>(IEnumerable<T> headers) =>
        new(headers.TryGetNonEnumeratedCount(out int count) ? count : 0, StringComparer.OrdinalIgnoreCase);

    private void Add(string? name, string? value, string paramName)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("Header names must not be null or empty.", paramName);
        }

        // A null value carries nothing a verifier could check, so it must not make a header look present.
        if (value is null)
        {
            return;
        }

        ref Entry entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, name, out bool exists);
        if (!exists)
        {
            entry = new Entry(value);
        }
        else if (!string.Equals(entry.Value, value, StringComparison.Ordinal))
        {
            // Identical repeats are harmless (some proxies duplicate headers); differing ones are not.
            entry.IsAmbiguous = true;
        }
    }

    private struct Entry
    {
        public Entry(string value) => Value = value;

        public string Value { get; }

        public bool IsAmbiguous { get; set; }
    }
}
