using LoanWebhooks.Samples.CustomProvider.Harbor;
using LoanWebhooks.Sdk.DependencyInjection;

// Beside AddLoanWebhooks, as the SDK's own AddCanopy…, so b.AddHarbor(…) needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Enables Harbor on the webhook builder.</summary>
public static class HarborLoanWebhooksBuilderExtensions
{
    /// <summary>Receives Harbor webhooks.</summary>
    /// <param name="builder">The builder of <c>services.AddLoanWebhooks(b => …)</c>.</param>
    /// <param name="configure">Sets the signing secret (required) and limits; runs when the options are first resolved.</param>
    /// <returns>The builder.</returns>
    public static LoanWebhooksBuilder AddHarbor(this LoanWebhooksBuilder builder, Action<HarborWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider(configure);
    }
}
