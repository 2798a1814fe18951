using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Tool;

/// <summary>The options every command shares: which provider sent the request, and its captured body.</summary>
internal static class CommonOptions
{
    private static readonly string[] ProviderNames = { "payitoff", "canopy", "spinwheel", "receeve" };

    public static Option<string> Provider() => CreateProvider("Who sent the request: payitoff, canopy, spinwheel or receeve.");

    public static Option<string> Provider(string description) => CreateProvider(description);

    public static Option<FileInfo> Body() => new("--body")
    {
        Description = "The request body exactly as received (a file: bytes are verified as they are, so do not re-format it).",
        Required = true,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write the result as one JSON object (for scripts) instead of text lines.",
    };

    /// <summary>A provider filter, for the commands that describe what providers send.</summary>
    public static Option<string> OptionalProvider(string description)
    {
        var option = new Option<string>("--provider") { Description = description };
        option.AcceptOnlyFromAmong(ProviderNames);
        return option;
    }

    public static WebhookProvider ToProvider(string name) =>
        WebhookProvider.BuiltIn.Single(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    private static Option<string> CreateProvider(string description)
    {
        var option = new Option<string>("--provider")
        {
            Description = description,
            Required = true,
        };
        option.AcceptOnlyFromAmong(ProviderNames);
        return option;
    }
}
