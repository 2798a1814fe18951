using System;
using System.Globalization;

namespace LoanWebhooks.Sdk.Events;

/// <summary>Splits a versioned event type such as <c>event.claim.created.v1</c> into its base name and version.</summary>
internal static class VersionedEventType
{
    public static string BaseName(string eventType) =>
        TryFindVersion(eventType, out int dot, out _) ? eventType.Substring(0, dot) : eventType;

    public static int? Version(string eventType) =>
        TryFindVersion(eventType, out _, out int version) ? version : null;

    private static bool TryFindVersion(string eventType, out int dot, out int version)
    {
        version = 0;
        dot = eventType.LastIndexOf('.');
        if (dot <= 0 || eventType.Length - dot < 3 || eventType[dot + 1] != 'v')
        {
            return false;
        }

        var digits = eventType.AsSpan(dot + 2);
        foreach (char c in digits)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
