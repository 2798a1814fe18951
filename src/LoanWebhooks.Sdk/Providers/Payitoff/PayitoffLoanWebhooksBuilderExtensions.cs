using System;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.DependencyInjection;

// Beside AddLoanWebhooks, so b.AddPayitoff(…) is found wherever services.AddLoanWebhooks(…) is (no extra using).
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Enables Payitoff on the webhook builder.</summary>
public static class PayitoffLoanWebhooksBuilderExtensions
{
    /// <summary>Receives Payitoff webhooks.</summary>
    /// <param name="builder">The builder of <c>services.AddLoanWebhooks(b => …)</c>.</param>
    /// <param name="configure">Sets the verification (required) and limits; runs when the options are first resolved, so it may read configuration.</param>
    /// <returns>The builder.</returns>
    public static LoanWebhooksBuilder AddPayitoff(this LoanWebhooksBuilder builder, Action<PayitoffWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider(configure);
    }
}
