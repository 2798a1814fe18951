using System;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>Limits a parser enforces before and while it reads a body.</summary>
public sealed class WebhookParserOptions
{
    private int _maxBodyBytes = 1024 * 1024;
    private int _maxDepth = Serialization.WebhookJsonDefaults.MaxDepth;

    /// <summary>Largest accepted body, in bytes. Default 1 MiB: the largest documented payload (a Canopy account) is about 10 KiB.</summary>
    public int MaxBodyBytes
    {
        get => _maxBodyBytes;
        set => _maxBodyBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxBodyBytes must be positive.");
    }

    /// <summary>Deepest accepted JSON nesting. Default 64.</summary>
    public int MaxDepth
    {
        get => _maxDepth;
        set => _maxDepth = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDepth must be positive.");
    }
}
