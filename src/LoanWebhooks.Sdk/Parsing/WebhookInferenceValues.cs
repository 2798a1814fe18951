using System.Linq;
using System.Text;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>Part of a <see cref="WebhookInferenceRule"/>: a top-level member whose string value must be one of a documented set.</summary>
internal sealed class WebhookInferenceValues
{
    public WebhookInferenceValues(string member, string[] values)
    {
        Member = new[] { Encoding.UTF8.GetBytes(member) };
        Values = values.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    /// <summary>The member as a one-segment scan path.</summary>
    public byte[][] Member { get; }

    public byte[][] Values { get; }
}
