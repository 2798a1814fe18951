using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace LoanWebhooks.Sdk.Diagnostics;

/// <summary>
/// Collects, while one event is read, the members its records kept in <c>ExtensionData</c>, as
/// <c>Record.member</c> names: the generated converter of an event's root opens the collection, every generated
/// converter notes its record's extension members, and the root hands the names to the event
/// (<see cref="Events.WebhookEvent.UnmappedMembers"/>). Names only, never values. Per thread, because a converter
/// reads one object at a time on the thread that parses.
/// </summary>
/// <remarks>For the code the SDK's generator emits: public so that events generated in your own assembly can use it. Not meant to be called directly; it may change in any version.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class UnmappedMemberLog
{
    /// <summary>More than this many names in one event is not drift but a different payload; the rest are dropped.</summary>
    internal const int MaxMembersPerEvent = 32;

    [ThreadStatic]
    private static List<string>? t_members;

    [ThreadStatic]
    private static bool t_collecting;

    /// <summary>Starts collecting for an event's root (anything left by a read that threw is discarded).</summary>
    public static void Begin()
    {
        t_members = null;
        t_collecting = true;
    }

    /// <summary>Notes the extension members of one record; called only when it has any.</summary>
    /// <param name="record">The record's type name.</param>
    /// <param name="extensionData">The members its schema does not describe.</param>
    public static void Note(string record, Dictionary<string, JsonElement> extensionData)
    {
        if (!t_collecting)
        {
            return;
        }

        List<string> members = t_members ??= new List<string>();
        foreach (string member in extensionData.Keys)
        {
            if (members.Count == MaxMembersPerEvent)
            {
                return;
            }

            string path = string.Concat(record, ".", member);
            if (!members.Contains(path))
            {
                members.Add(path);
            }
        }
    }

    /// <summary>Stops collecting and returns what the event's records noted (empty when nothing).</summary>
    public static IReadOnlyList<string> End()
    {
        List<string>? members = t_members;
        t_members = null;
        t_collecting = false;
        return members is null ? Array.Empty<string>() : members.AsReadOnly();
    }
}
