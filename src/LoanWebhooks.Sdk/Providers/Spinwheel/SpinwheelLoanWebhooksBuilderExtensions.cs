using System;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.DependencyInjection;

// Beside AddLoanWebhooks, so b.AddSpinwheel(…) is found wherever services.AddLoanWebhooks(…) is (no extra using).
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Enables Spinwheel on the webhook builder.</summary>
public static class SpinwheelLoanWebhooksBuilderExtensions
{
    /// <summary>Receives Spinwheel webhooks.</summary>
    /// <param name="builder">The builder of <c>services.AddLoanWebhooks(b => …)</c>.</param>
    /// <param name="configure">Sets the verification (required) and limits.</param>
    /// <returns>The builder.</returns>
    public static LoanWebhooksBuilder AddSpinwheel(this LoanWebhooksBuilder builder, Action<SpinwheelWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddProvider(configure);
    }
}
