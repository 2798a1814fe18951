using System.ComponentModel;
using System.Text.Json;

namespace LoanWebhooks.Sdk.Serialization;

/// <summary>The JSON settings every parser shares.</summary>
/// <remarks>For the code the SDK's generator emits: public so that events generated in your own assembly can use it. Not meant to be called directly; it may change in any version.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WebhookJsonDefaults
{
    /// <summary>Deeper than any documented payload (Canopy's account object nests about 8 levels).</summary>
    internal const int MaxDepth = 64;

    /// <summary>
    /// Providers' documented samples contain <c>//</c> comments and trailing commas (Spinwheel), so
    /// reading tolerates both; everything else is strict RFC 8259.
    /// </summary>
    public static JsonSerializerOptions CreateOptions(int maxDepth = MaxDepth) => new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = maxDepth,
    };

    internal static JsonReaderOptions ReaderOptions(int maxDepth) => new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = maxDepth,
    };
}
