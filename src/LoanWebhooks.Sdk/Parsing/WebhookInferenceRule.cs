using System;
using System.ComponentModel;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>
/// An event schema's <c>x-infer</c> rule: the documented shape that identifies a payload sent without its
/// discriminator (Spinwheel documents some). Only used when no expected event type is given, and only
/// when exactly one event's rule matches, so an ambiguous body stays an unknown event.
/// </summary>
/// <remarks>For the code the SDK's generator emits: public so that events generated in your own assembly can use it. Not meant to be called directly; it may change in any version.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WebhookInferenceRule
{
    private readonly byte[][][] _members;
    private readonly WebhookInferenceValues[] _values;

    /// <summary>Describes an event's <c>x-infer</c> rule.</summary>
    /// <param name="members">Top-level members that must all be present.</param>
    /// <param name="values">Members whose string value must be one of those listed.</param>
    public WebhookInferenceRule(string[] members, WebhookInferenceValues[] values)
    {
        _members = members.Select(m => new[] { Encoding.UTF8.GetBytes(m) }).ToArray();
        _values = values;
    }

    /// <summary>Whether every listed member is present and every listed value matches; the body is known to be a JSON object.</summary>
    internal bool Matches(ReadOnlySpan<byte> body, JsonReaderOptions options)
    {
        foreach (byte[][] member in _members)
        {
            // Present with any JSON type: InvalidType only means "not a string".
            if (JsonMemberScanner.Scan(body, member, options).Status is not (ScanStatus.Found or ScanStatus.InvalidType))
            {
                return false;
            }
        }

        foreach (var rule in _values)
        {
            var scan = JsonMemberScanner.Scan(body, rule.Member, options);
            if (scan.Status != ScanStatus.Found || !ContainsValue(rule.Values, scan.Value(body)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsValue(byte[][] values, ReadOnlySpan<byte> value)
    {
        foreach (byte[] candidate in values)
        {
            if (value.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }
}
