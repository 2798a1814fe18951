using System.Net.Http;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing.Simulation;
using Xunit;

namespace LoanWebhooks.Tool.Tests;

/// <summary>
/// "Without [the tool's flags for it] <c>loanwebhooks verify</c> and <c>send</c> refuse it by name": a provider the
/// command line accepts (every built-in one) but for which the tool has no verifier or sending credentials gets a
/// usage error naming it and the providers the tool does handle — never another provider's verifier. Every built-in
/// provider has flags today, so this stands in for the next one: a provider the tool's tables do not list.
/// </summary>
public sealed class ProviderWithoutToolFlagsTests
{
    private static readonly WebhookProvider NewProvider = new("Acme");

    [Fact]
    public void Verify_refuses_a_provider_it_has_no_verifier_for_by_name()
    {
        var e = Assert.Throws<UsageException>(() => ProviderVerifiers.Create(NewProvider, new VerificationInputs("a-secret-0001", null, null, null)));

        Assert.Contains("cannot verify acme", e.Message, System.StringComparison.Ordinal);
        Assert.All(WebhookProvider.BuiltIn, p => Assert.Contains(p.Name.ToLowerInvariant(), e.Message, System.StringComparison.Ordinal));
        Assert.DoesNotContain("a-secret-0001", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Send_refuses_a_provider_it_cannot_authenticate_as_by_name()
    {
        using var client = new HttpClient();
        var simulator = new WebhookSimulator(client);

        var e = Assert.Throws<UsageException>(() => ProviderAuthentication.Configure(simulator, NewProvider, new SendCredentials("a-secret-0001", null, null, null), redateReceeveTimestamps: false));

        Assert.Contains("cannot send as acme", e.Message, System.StringComparison.Ordinal);
        Assert.All(WebhookProvider.BuiltIn, p => Assert.Contains(p.Name.ToLowerInvariant(), e.Message, System.StringComparison.Ordinal));
        Assert.DoesNotContain("a-secret-0001", e.Message, System.StringComparison.Ordinal);
    }
}
