using System;
using System.Diagnostics;

namespace LoanWebhooks.Sdk.Events;

/// <summary>
/// Names a platform whose webhooks a dispatcher understands: one of the SDK's own (<see cref="BuiltIn"/>, e.g.
/// <c>WebhookProvider.Canopy</c>, generated from each schema folder's <c>x-provider</c>) or one you add from your
/// own schemas. Two providers are equal when their names are (ordinal, case-sensitive).
/// </summary>
/// <remarks>
/// An extensible enum rather than a C# <c>enum</c>, so that a provider defined outside this assembly is a provider
/// like the others. <c>default(WebhookProvider)</c> names no provider; its <see cref="Name"/> is empty.
/// </remarks>
[DebuggerDisplay("{Name,nq}")]
public readonly partial struct WebhookProvider : IEquatable<WebhookProvider>
{
    private readonly string? _name;

    /// <summary>Names a provider.</summary>
    /// <param name="name">The provider's C# name, as in its <c>provider.json</c> <c>x-provider</c>: an ASCII letter, then ASCII letters or digits (<c>Acme</c>, <c>LoanPro2</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not such a name.</exception>
    public WebhookProvider(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsValidName(name))
        {
            // The name comes from code or configuration; it is still left out, as every SDK message leaves out values.
            throw new ArgumentException("A provider name starts with an ASCII letter and has only ASCII letters and digits.", nameof(name));
        }

        _name = name;
    }

    /// <summary>For the generated built-in providers, whose names the generator checked already.</summary>
    private WebhookProvider(string name, bool validated)
    {
        Debug.Assert(validated && IsValidName(name), "The generator checks x-provider.");
        _name = name;
    }

    /// <summary>The provider's name, e.g. <c>Canopy</c>; empty for <c>default(WebhookProvider)</c>.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Whether <paramref name="name"/> could name a provider: an ASCII letter, then ASCII letters or digits.</summary>
    /// <param name="name">A candidate name.</param>
    /// <returns>True when <c>new WebhookProvider(name)</c> would not throw.</returns>
    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether both name the same provider.</summary>
    /// <param name="left">A provider.</param>
    /// <param name="right">Another provider.</param>
    /// <returns>True when the names are equal (ordinal).</returns>
    public static bool operator ==(WebhookProvider left, WebhookProvider right) => left.Equals(right);

    /// <summary>Whether the two name different providers.</summary>
    /// <param name="left">A provider.</param>
    /// <param name="right">Another provider.</param>
    /// <returns>True when the names differ (ordinal).</returns>
    public static bool operator !=(WebhookProvider left, WebhookProvider right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(WebhookProvider other) => string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is WebhookProvider other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>The provider's <see cref="Name"/>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
