using System;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Tool;

/// <summary>Where <c>loanwebhooks send</c> posts, and how that address is shown without what may be secret in it.</summary>
internal static class SendTarget
{
    /// <summary>
    /// Reads <c>--to</c>: an absolute http(s) URL. A Spinwheel URL ending in <c>/spinwheel</c> gets <c>/&lt;event&gt;</c>
    /// appended, as the simulator's default Spinwheel path does (Spinwheel subscribes one URL per event name). Credentials
    /// in the URL (<c>https://user:password@host/…</c>, how Payitoff is given Basic credentials) become the Basic
    /// credentials unless <c>--basic</c> is given, since HTTP clients do not send them by themselves.
    /// </summary>
    public static Uri Resolve(WebhookProvider provider, string eventType, string to, ref SendCredentials credentials)
    {
        if (!Uri.TryCreate(to, UriKind.Absolute, out Uri? target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException("--to must be an absolute http:// or https:// URL, e.g. http://localhost:5000/webhooks/canopy.");
        }

        var builder = new UriBuilder(target) { UserName = string.Empty, Password = string.Empty };
        if (target.UserInfo.Length > 0 && credentials.Basic is null)
        {
            credentials = credentials with { Basic = Uri.UnescapeDataString(target.UserInfo) };
        }

        if (provider == WebhookProvider.Spinwheel && builder.Path.TrimEnd('/').EndsWith("/spinwheel", StringComparison.OrdinalIgnoreCase))
        {
            builder.Path = builder.Path.TrimEnd('/') + "/" + Uri.EscapeDataString(eventType);
        }

        return builder.Uri;
    }

    /// <summary>The URL without its query, which can carry a token (the user info is already gone).</summary>
    public static string Printable(Uri target) =>
        target.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
        + (target.Query.Length > 1 ? "?(query hidden)" : string.Empty);
}
