using System;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.DependencyInjection;

// Beside AddLoanWebhooks, so b.AddCanopy(…) is found wherever services.AddLoanWebhooks(…) is (no extra using).
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Enables Canopy on the webhook builder.</summary>
public static class CanopyLoanWebhooksBuilderExtensions
{
    /// <summary>Receives Canopy Servicing webhooks.</summary>
    /// <param name="builder">The builder of <c>services.AddLoanWebhooks(b => …)</c>.</param>
    /// <param name="configure">Sets the verification (required) and limits.</param>
    /// <returns>The builder.</returns>
    public static LoanWebhooksBuilder AddCanopy(this LoanWebhooksBuilder builder, Action<CanopyWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider(configure);
    }
}
