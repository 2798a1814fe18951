using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>Where a provider puts the event type, and how strictly it does so.</summary>
internal sealed class WebhookDiscriminator
{
    public WebhookDiscriminator(string[] path, bool optional, bool versioned)
    {
        if (path.Length == 0)
        {
            throw new ArgumentException("A discriminator path needs at least one member.", nameof(path));
        }

        Path = path;
        Utf8Path = path.Select(Encoding.UTF8.GetBytes).ToArray();
        IsOptional = optional;
        IsVersioned = versioned;
    }

    public IReadOnlyList<string> Path { get; }

    public byte[][] Utf8Path { get; }

    /// <summary>Payloads may come without it (Spinwheel).</summary>
    public bool IsOptional { get; }

    /// <summary>Values end in <c>.v&lt;N&gt;</c> (receeve).</summary>
    public bool IsVersioned { get; }

    public override string ToString() => "/" + string.Join("/", Path);
}
