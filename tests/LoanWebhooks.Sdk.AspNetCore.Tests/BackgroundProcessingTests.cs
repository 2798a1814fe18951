using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.AspNetCore.Tests;

public sealed class BackgroundProcessingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_delivery_is_answered_202_at_once_and_its_handler_runs_from_the_queue()
    {
        await using var app = await WebhookTestApp.StartAsync(b => b.ProcessInBackground());
        app.Behaviour.Delay = TimeSpan.FromMilliseconds(200);

        var result = await app.Simulator().SendAsync(DocumentedSamples.Get(WebhookProvider.Payitoff, "loan.paid_off"));

        Assert.Equal(HttpStatusCode.Accepted, result.StatusCode);
        Assert.Empty(app.Delivered.All);
        await app.Delivered.WaitForAsync(1, Timeout);
        Assert.Equal("loan.paid_off", Assert.Single(app.Delivered.All).EventType);
    }

    [Fact]
    public async Task Every_documented_sample_is_processed_once_in_background_mode()
    {
        await using var app = await WebhookTestApp.StartAsync(b => b.ProcessInBackground(o => o.MaxConcurrency = 2));

        var results = await app.Simulator().SendAllAsync(DocumentedSamples.All);
        await app.Delivered.WaitForAsync(DocumentedSamples.All.Count, Timeout);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(
            DocumentedSamples.All.Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal),
            app.Delivered.All.Select(e => e.Provider.ToString().ToLowerInvariant() + "/" + e.EventType).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Verification_still_answers_inline_with_503_and_queues_nothing()
    {
        await using var app = await WebhookTestApp.StartAsync(b => b.ProcessInBackground());

        var forged = await new Testing.Simulation.WebhookSimulator(app.Client).SendAsync(DocumentedSamples.Get(WebhookProvider.Payitoff, "test"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, forged.StatusCode);
        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, app.Log.Single("VerificationFailed")["VerificationFailure"]);
        Assert.Empty(app.Delivered.All);
    }

    [Fact]
    public async Task A_redelivery_while_the_first_is_queued_is_answered_503_as_in_progress_and_after_it_200_as_a_duplicate()
    {
        await using var app = await WebhookTestApp.StartAsync(b => b.ProcessInBackground(o => o.MaxConcurrency = 1));
        app.Behaviour.Delay = TimeSpan.FromMilliseconds(500);
        // Spinwheel sends a delivery id; Payitoff does not, so each of its deliveries would run the handler.
        var sample = DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED");

        var first = await app.Simulator().SendAsync(sample);
        var whileQueued = await app.Simulator().SendAsync(sample);
        // The claim is completed after the handler returns; "Accepted" is logged once it is.
        await app.Log.WaitForAsync("Accepted", Timeout);
        var afterwards = await app.Simulator().SendAsync(sample);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileQueued.StatusCode);
        Assert.Equal(503, app.Log.Single("InProgress")["StatusCode"]);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.Equal(WebhookProvider.Spinwheel, app.Log.Single("Duplicate")["Provider"]);
        Assert.Single(app.Delivered.All);
    }

    [Fact]
    public async Task Stopping_the_host_drains_the_queue()
    {
        var app = await WebhookTestApp.StartAsync(b => b.ProcessInBackground(o => o.MaxConcurrency = 1));
        app.Behaviour.Delay = TimeSpan.FromMilliseconds(100);
        var samples = DocumentedSamples.For(WebhookProvider.Payitoff);

        var results = await app.Simulator().SendAllAsync(samples);
        int handledBeforeStop = app.Delivered.All.Count;
        await app.App.StopAsync();

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.True(handledBeforeStop < samples.Count, "the queue should still hold deliveries when the host stops");
        Assert.Equal(samples.Count, app.Delivered.All.Count);
        await app.DisposeAsync();
    }

    [Fact]
    public void Background_options_refuse_non_positive_values()
    {
        var options = new Background.WebhookBackgroundOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.QueueCapacity = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxConcurrency = -1);
    }

    [Fact]
    public async Task Registering_background_processing_twice_starts_one_queue_worker_service()
    {
        await using var app = await WebhookTestApp.StartAsync(b => b.ProcessInBackground().ProcessInBackground());

        var services = app.App.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>();

        Assert.Single(services, s => s.GetType().Name == "WebhookBackgroundService");
    }
}
