using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.AspNetCore.Diagnostics;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Quarantine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace LoanWebhooks.Sdk.AspNetCore.Tests.Diagnostics;

/// <summary>
/// The second half of <c>loanwebhooks-stores</c>: after the idempotency store's probe claim, the quarantine store must
/// answer too, or a drifted delivery could not be kept.
/// </summary>
public sealed class QuarantineStoreHealthCheckTests
{
    private const string Header = "X-Test-Secret";
    private const string Secret = "health-check-test-secret-0123456789";

    [Fact]
    public async Task A_quarantine_store_that_throws_fails_the_stores_check_naming_the_quarantine_store_without_its_message()
    {
        await using var services = Build(b => b.AddPayitoff(o => o.UseSharedSecretHeader(Header, Secret)).UseQuarantineStore<UnreachableQuarantineStore>());

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var stores = report.Entries["loanwebhooks-stores"];
        Assert.Equal(HealthStatus.Unhealthy, stores.Status);
        Assert.Contains("quarantine store", stores.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("idempotency store", stores.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(UnreachableQuarantineStore.Message, stores.Description, StringComparison.Ordinal);
        Assert.IsType<TimeoutException>(stores.Exception);
    }

    [Fact]
    public async Task A_quarantine_store_that_answers_is_healthy_and_reports_how_many_deliveries_it_holds()
    {
        await using var services = Build(b => b.AddPayitoff(o => o.UseSharedSecretHeader(Header, Secret)));
        var quarantine = services.GetRequiredService<IWebhookQuarantineStore>();
        Assert.False(BuiltInWebhookParsers.Default(WebhookProvider.Payitoff).TryParse("{}"u8, out _, out var error));
        await quarantine.AddAsync(QuarantinedWebhook.Create(WebhookProvider.Payitoff, "{}"u8, null, error, DateTimeOffset.UnixEpoch));

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var stores = report.Entries["loanwebhooks-stores"];
        Assert.Equal(HealthStatus.Healthy, stores.Status);
        Assert.Equal(1L, stores.Data["quarantined"]);
    }

    private static ServiceProvider Build(Action<LoanWebhooksBuilder> webhooks)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddLoanWebhooks(webhooks);
        collection.AddHealthChecks().AddLoanWebhooksHealthChecks();
        return collection.BuildServiceProvider();
    }

    private sealed class UnreachableQuarantineStore : IWebhookQuarantineStore
    {
        public const string Message = "redis-password-in-a-connection-string";

        public bool IsDurable => true;

        public ValueTask AddAsync(QuarantinedWebhook webhook, CancellationToken cancellationToken = default) => throw new TimeoutException(Message);

        public ValueTask<IReadOnlyList<QuarantinedWebhook>> ListAsync(int maxCount = 100, CancellationToken cancellationToken = default) => throw new TimeoutException(Message);

        public ValueTask<QuarantinedWebhook?> GetAsync(string id, CancellationToken cancellationToken = default) => throw new TimeoutException(Message);

        public ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default) => throw new TimeoutException(Message);

        public ValueTask<long> CountAsync(CancellationToken cancellationToken = default) => throw new TimeoutException(Message);
    }
}
