using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Tool;

/// <summary>The options every command shares: which provider sent the request, and its captured body.</summary>
internal static class CommonOptions
{
    /// <summary>The built-in providers as the command line spells them; a provider the tool has no flags for is refused later, by name.</summary>
    private static readonly string[] ProviderNames = WebhookProvider.BuiltIn.Select(p => p.Name.ToLowerInvariant()).ToArray();

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

    /// <summary>The address an option names, or null when the option was not given.</summary>
    /// <exception cref="UsageException">The text is not an IPv4 or IPv6 address.</exception>
    public static IPAddress? ToAddress(string? text, string optionName)
    {
        if (text is null)
        {
            return null;
        }

        return IPAddress.TryParse(text, out IPAddress? address)
            ? address
            : throw new UsageException($"{optionName} is not an IPv4 or IPv6 address.");
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
