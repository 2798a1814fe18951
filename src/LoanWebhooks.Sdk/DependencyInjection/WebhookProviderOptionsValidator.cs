using System;
using LoanWebhooks.Sdk.Dispatch;
using Microsoft.Extensions.Options;

namespace LoanWebhooks.Sdk.DependencyInjection;

/// <summary>Fails start-up for a provider that would accept unverified requests, or whose verifier settings are invalid.</summary>
/// <typeparam name="TOptions">The provider's options.</typeparam>
internal sealed class WebhookProviderOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : WebhookProviderOptions
{
    private readonly TimeProvider _timeProvider;

    public WebhookProviderOptionsValidator(TimeProvider timeProvider) => _timeProvider = timeProvider;

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            if (options.BuildVerifier(_timeProvider) is null && !options.AllowsUnverifiedRequests)
            {
                return ValidateOptionsResult.Fail(
                    $"LoanWebhooks: {options.Provider} webhooks are enabled but nothing verifies them, so anyone who finds the URL could post fake events. " +
                    $"In AddLoanWebhooks(b => b.{options.RegistrationCall}(o => …)) configure {options.VerificationHint}; " +
                    "or, for local development only, call o.AllowUnverifiedRequestsForDevelopmentOnly().");
            }
        }
        catch (ArgumentException e)
        {
            // Verifier constructors never put a secret into their messages.
            return ValidateOptionsResult.Fail($"LoanWebhooks: the {options.Provider} verification settings are invalid: {e.Message}");
        }

        if (!Enum.IsDefined(options.SchemaDrift))
        {
            return ValidateOptionsResult.Fail($"LoanWebhooks: {options.Provider} SchemaDrift is {(int)options.SchemaDrift}, which is not a WebhookSchemaDriftPolicy.");
        }

        if (options.Responses.FindProblem(options.Provider) is { } problem)
        {
            return ValidateOptionsResult.Fail($"LoanWebhooks: {options.Provider} {problem}");
        }

        return ValidateOptionsResult.Success;
    }
}
