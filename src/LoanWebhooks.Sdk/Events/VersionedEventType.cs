using System;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace LoanWebhooks.Sdk.Events;

/// <summary>
/// The one rule for a versioned event type such as <c>event.claim.created.v1</c>: a final <c>.v&lt;digits&gt;</c>
/// suffix. The parser's version fallback and the base event's <c>EventTypeBaseName</c>/<c>EventTypeVersion</c> both use it.
/// </summary>
/// <remarks>For the code the SDK's generator emits: public so that events generated in your own assembly can use it. Not meant to be called directly; it may change in any version.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VersionedEventType
{
    /// <summary>The event type without its version suffix; the whole event type when it has none.</summary>
    /// <param name="eventType">An event type such as <c>event.claim.created.v1</c>.</param>
    /// <returns>For example <c>event.claim.created</c>.</returns>
    public static string BaseName(string eventType) =>
        HasVersion(eventType) ? eventType.Substring(0, eventType.LastIndexOf('.')) : eventType;

    /// <summary>The number of the version suffix, or null when there is none.</summary>
    /// <param name="eventType">An event type such as <c>event.claim.created.v1</c>.</param>
    /// <returns>For example 1.</returns>
    public static int? Version(string eventType) =>
        HasVersion(eventType) && int.TryParse(eventType.AsSpan(eventType.LastIndexOf('.') + 2), NumberStyles.None, CultureInfo.InvariantCulture, out int version)
            ? version
            : null;

    /// <summary>"event.claim.created.v12" → "event.claim.created"; false when there is no <c>.v&lt;digits&gt;</c> suffix.</summary>
    internal static bool TryStripVersion(ReadOnlySpan<byte> value, out ReadOnlySpan<byte> unversioned)
    {
        unversioned = default;
        int dot = value.LastIndexOf((byte)'.');
        if (dot <= 0 || value.Length - dot < 3 || value[dot + 1] != (byte)'v')
        {
            return false;
        }

        foreach (byte b in value[(dot + 2)..])
        {
            if (b < (byte)'0' || b > (byte)'9')
            {
                return false;
            }
        }

        unversioned = value[..dot];
        return true;
    }

    // The suffix is ASCII, so the last '.' of the UTF-8 bytes is the last '.' of the string.
    private static bool HasVersion(string eventType) => TryStripVersion(Encoding.UTF8.GetBytes(eventType), out _);
}
