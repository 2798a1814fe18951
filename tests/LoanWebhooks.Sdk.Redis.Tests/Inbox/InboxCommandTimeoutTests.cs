using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Redis.ChaosWorker;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests.Inbox;

/// <summary>
/// The inbox's <c>CommandTimeout</c>, "longest the endpoint waits for the XADD", on its own: the delivery is verified,
/// parsed and claimed while Redis answers, then Redis stops answering (SIGSTOP) and only the XADD is left to wait. A
/// Redis server of the test's own.
/// </summary>
public sealed class InboxCommandTimeoutTests
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task An_xadd_to_a_Redis_that_does_not_answer_gives_up_after_the_command_timeout_and_the_first_after_it_answers_is_stored()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using var app = new InboxApp(server.Port, $"inbox:{Guid.NewGuid():N}:", o => o.CommandTimeout = CommandTimeout);
        Assert.True((await app.ReceiveAsync("1669434136600-31")).Stored, "The warm-up delivery was not stored.");
        WebhookAdmission claimed = await app.Dispatcher.AdmitAsync(new WebhookDelivery(
            WebhookProvider.Spinwheel,
            SpinwheelBodies.LiabilitiesConnected("1669434136600-32"),
            new WebhookHeaders(new[] { KeyValuePair.Create(ChaosApp.SecretHeader, (string?)ChaosApp.Secret) })));
        Assert.True(claimed.IsAdmitted, claimed.ToString());

        server.Pause();
        var waiting = Stopwatch.StartNew();
        bool stored = await app.Inbox.TryEnqueueAsync(claimed, default);
        waiting.Stop();
        server.Resume();
        bool storedAfter = (await app.ReceiveAsync("1669434136600-34")).Stored;

        Assert.False(stored);
        Assert.InRange(waiting.Elapsed, CommandTimeout - TimeSpan.FromMilliseconds(50), CommandTimeout + TimeSpan.FromMilliseconds(600));
        Assert.True(storedAfter, "The first delivery after Redis answered again was not stored.");
    }
}
