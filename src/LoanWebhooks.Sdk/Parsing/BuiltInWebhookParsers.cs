using System;
using System.Collections.Generic;
using System.Linq;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>
/// The default-options parser of each provider this SDK ships with (<see cref="WebhookProvider.BuiltIn"/>), for tools
/// and tests that read bodies of any built-in provider. A dispatcher does not use this list: each provider's options
/// create its parser, so a provider of your own parses like the built-in ones.
/// </summary>
public static partial class BuiltInWebhookParsers
{
    private static readonly Dictionary<WebhookProvider, IWebhookParser> ByProvider = CreateAll().ToDictionary(parser => parser.Provider);

    /// <summary>Every built-in provider's parser, in the order of <see cref="WebhookProvider.BuiltIn"/>.</summary>
    public static IReadOnlyList<IWebhookParser> All { get; } = WebhookProvider.BuiltIn.Select(provider => ByProvider[provider]).ToArray();

    /// <summary>The shared default-options parser of a built-in provider.</summary>
    /// <param name="provider">One of <see cref="WebhookProvider.BuiltIn"/>.</param>
    /// <returns>Its parser.</returns>
    /// <exception cref="ArgumentException"><paramref name="provider"/> is not built in; a provider of your own has its parser in its own assembly.</exception>
    public static IWebhookParser Default(WebhookProvider provider) =>
        ByProvider.TryGetValue(provider, out IWebhookParser? parser)
            ? parser
            : throw new ArgumentException("Not one of WebhookProvider.BuiltIn; a provider of your own has its generated parser in its own assembly.", nameof(provider));
}
