using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Text;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>Where a provider puts the event type, and how strictly it does so.</summary>
/// <remarks>For the code the SDK's generator emits: public so that events generated in your own assembly can use it. Not meant to be called directly; it may change in any version.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WebhookDiscriminator
{
    /// <summary>Describes the discriminator from provider.json.</summary>
    /// <param name="path">The JSON Pointer segments of <c>x-discriminator</c>.</param>
    /// <param name="optional">Whether bodies may lack it (<c>x-discriminator-optional</c>).</param>
    /// <param name="versioned">Whether its values end in <c>.v&lt;N&gt;</c> (<c>x-discriminator-versioned</c>).</param>
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

    internal IReadOnlyList<string> Path { get; }

    internal byte[][] Utf8Path { get; }

    /// <summary>Payloads may come without it (Spinwheel).</summary>
    internal bool IsOptional { get; }

    /// <summary>Values end in <c>.v&lt;N&gt;</c> (receeve).</summary>
    internal bool IsVersioned { get; }

    /// <inheritdoc/>
    public override string ToString() => "/" + string.Join("/", Path);
}
