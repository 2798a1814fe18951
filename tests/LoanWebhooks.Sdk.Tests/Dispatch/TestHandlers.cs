using System;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Quarantine;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

// Handlers for the dispatch tests: each records its own name and the event it received.

public sealed class LoanPaidOffHandler(HandlerCalls calls) : IWebhookHandler<PayitoffLoanPaidOffEvent>
{
    public ValueTask HandleAsync(PayitoffLoanPaidOffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        calls.Record(nameof(LoanPaidOffHandler), webhookEvent);
        return ValueTask.CompletedTask;
    }
}

public sealed class SecondLoanPaidOffHandler(HandlerCalls calls) : IWebhookHandler<PayitoffLoanPaidOffEvent>
{
    public ValueTask HandleAsync(PayitoffLoanPaidOffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        calls.Record(nameof(SecondLoanPaidOffHandler), webhookEvent);
        return ValueTask.CompletedTask;
    }
}

public sealed class PayitoffHandler(HandlerCalls calls) : IWebhookHandler<PayitoffEvent>
{
    public ValueTask HandleAsync(PayitoffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        calls.Record(nameof(PayitoffHandler), webhookEvent);
        return ValueTask.CompletedTask;
    }
}

public sealed class ConnectivityHandler(HandlerCalls calls) : IWebhookHandler<PayitoffConnectivityEvent>
{
    public ValueTask HandleAsync(PayitoffConnectivityEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        calls.Record(nameof(ConnectivityHandler), webhookEvent);
        return ValueTask.CompletedTask;
    }
}

public sealed class EveryEventHandler(HandlerCalls calls) : IWebhookHandler<WebhookEvent>
{
    public ValueTask HandleAsync(WebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        calls.Record(nameof(EveryEventHandler), webhookEvent);
        return ValueTask.CompletedTask;
    }
}

public sealed class UnknownEventHandler(HandlerCalls calls) : IWebhookHandler<IUnknownWebhookEvent>
{
    public ValueTask HandleAsync(IUnknownWebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        calls.Record(nameof(UnknownEventHandler), context.Event);
        return ValueTask.CompletedTask;
    }
}

public sealed class PayitoffUnknownEventHandler(HandlerCalls calls) : IWebhookHandler<PayitoffUnknownEvent>
{
    public ValueTask HandleAsync(PayitoffUnknownEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        calls.Record(nameof(PayitoffUnknownEventHandler), webhookEvent);
        return ValueTask.CompletedTask;
    }
}

/// <summary>One class, two interfaces that both apply to loan.paid_off: each method is called once, the broader first.</summary>
public sealed class TwoInterfaceHandler(HandlerCalls calls) : IWebhookHandler<PayitoffLoanPaidOffEvent>, IWebhookHandler<PayitoffEvent>
{
    public ValueTask HandleAsync(PayitoffLoanPaidOffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        calls.Record(nameof(TwoInterfaceHandler) + ".LoanPaidOff", webhookEvent);
        return ValueTask.CompletedTask;
    }

    public ValueTask HandleAsync(PayitoffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        calls.Record(nameof(TwoInterfaceHandler) + ".Payitoff", webhookEvent);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Throws while <see cref="FailureSwitch.Fail"/> is set.</summary>
public sealed class FailingLoanPaidOffHandler(HandlerCalls calls, FailureSwitch failure) : IWebhookHandler<PayitoffLoanPaidOffEvent>
{
    public ValueTask HandleAsync(PayitoffLoanPaidOffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        calls.Record(nameof(FailingLoanPaidOffHandler), webhookEvent);
        return failure.Fail ? throw new InvalidOperationException("handler broke") : ValueTask.CompletedTask;
    }
}

public sealed class FailureSwitch
{
    public bool Fail { get; set; } = true;
}

/// <summary>Waits until the test opens <see cref="Gate"/>, so a second delivery can arrive meanwhile.</summary>
public sealed class BlockingLoanPaidOffHandler(HandlerCalls calls, Gate gate) : IWebhookHandler<PayitoffLoanPaidOffEvent>
{
    public async ValueTask HandleAsync(PayitoffLoanPaidOffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        calls.Record(nameof(BlockingLoanPaidOffHandler), webhookEvent);
        gate.Entered.TrySetResult();
        await gate.Open.Task.WaitAsync(cancellationToken);
    }
}

public sealed class Gate
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Records the scoped dependency it got, to show one scope per delivery shared by its handlers.</summary>
public sealed class ScopeProbeHandler(HandlerCalls calls, ScopedDependency dependency) : IWebhookHandler<PayitoffEvent>
{
    public ScopedDependency Dependency => dependency;

    public ValueTask HandleAsync(PayitoffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        calls.Record($"{nameof(ScopeProbeHandler)}:{dependency.Id}:{ReferenceEquals(context.Services.GetService(typeof(ScopedDependency)), dependency)}", webhookEvent);
        return ValueTask.CompletedTask;
    }
}

public sealed class ScopedDependency
{
    public Guid Id { get; } = Guid.NewGuid();
}

public sealed class NotAHandler
{
}

public sealed class StringHandler : IWebhookHandler<string>
{
    public ValueTask HandleAsync(string webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>A schema-drift handler that keeps what it received (as an app would store it durably).</summary>
public sealed class RecordingDriftHandler(DriftHandlerCalls calls) : IWebhookSchemaDriftHandler
{
    public ValueTask HandleAsync(QuarantinedWebhook webhook, CancellationToken cancellationToken)
    {
        calls.Record(nameof(RecordingDriftHandler), webhook.Body, webhook.EventType, webhook.Reason);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A schema-drift handler that throws <see cref="DriftHandlerCalls.Failure"/>, as one whose own store is down.</summary>
public sealed class FailingDriftHandler(DriftHandlerCalls calls) : IWebhookSchemaDriftHandler
{
    public ValueTask HandleAsync(QuarantinedWebhook webhook, CancellationToken cancellationToken)
    {
        calls.Record(nameof(FailingDriftHandler), webhook.Body, webhook.EventType, webhook.Reason);
        return ValueTask.FromException(calls.Failure);
    }
}

/// <summary>Records the idempotency key its context carries, as <c>ContextKeyProbeHandler:Source:Value</c>.</summary>
public sealed class ContextKeyProbeHandler(HandlerCalls calls) : IWebhookHandler<PayitoffEvent>
{
    public ValueTask HandleAsync(PayitoffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        calls.Record($"{nameof(ContextKeyProbeHandler)}:{context.IdempotencyKey.Source}:{context.IdempotencyKey.Value}", webhookEvent);
        return ValueTask.CompletedTask;
    }
}
