using System.ComponentModel;
using System.Linq;
using System.Text;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>Part of a <see cref="WebhookInferenceRule"/>: a top-level member whose string value must be one of a documented set.</summary>
/// <remarks>For the code the SDK's generator emits: public so that events generated in your own assembly can use it. Not meant to be called directly; it may change in any version.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WebhookInferenceValues
{
    /// <summary>One member of an <c>x-infer</c> rule and its accepted values.</summary>
    /// <param name="member">The top-level member.</param>
    /// <param name="values">The accepted string values.</param>
    public WebhookInferenceValues(string member, string[] values)
    {
        Member = new[] { Encoding.UTF8.GetBytes(member) };
        Values = values.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    /// <summary>The member as a one-segment scan path.</summary>
    internal byte[][] Member { get; }

    internal byte[][] Values { get; }
}
