using System;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.DependencyInjection;

// Beside AddLoanWebhooks, so b.AddReceeve(…) is found wherever services.AddLoanWebhooks(…) is (no extra using).
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Enables Receeve on the webhook builder.</summary>
public static class ReceeveLoanWebhooksBuilderExtensions
{
    /// <summary>Receives receeve webhooks.</summary>
    /// <param name="builder">The builder of <c>services.AddLoanWebhooks(b => …)</c>.</param>
    /// <param name="configure">Sets the verification (required) and limits.</param>
    /// <returns>The builder.</returns>
    public static LoanWebhooksBuilder AddReceeve(this LoanWebhooksBuilder builder, Action<ReceeveWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider(configure);
    }
}
