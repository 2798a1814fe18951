using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using LoanWebhooks.Sdk.Benchmarks.Dispatch;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Benchmarks;

/// <summary>
/// The same measurements for every fixture, in one run so the ratios compare like with like:
/// the floor (a bare, pre-selected source-generated deserialize; a bare tokenizer pass), the SDK's
/// pipeline steps, and the Newtonsoft code users write today. The floor is the ratio baseline.
/// </summary>
/// <typeparam name="TEvent">The provider's base event.</typeparam>
/// <typeparam name="TTyped">The fixture's event type.</typeparam>
[MemoryDiagnoser]
public abstract class ProviderBenchmarks<TEvent, TTyped>
    where TEvent : WebhookEvent
    where TTyped : TEvent
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private byte[] _body = [];
    private JsonTypeInfo<TTyped> _typeInfo = null!;
    private JsonTypeInfo<TTyped> _strictTypeInfo = null!;
    private WebhookParser<TEvent> _parser = null!;
    private Delivery _delivery = null!;
    private WebhookProvider _provider;
    private ServiceProvider _services = null!;
    private IWebhookDispatcher _dispatcher = null!;
    private ServiceProvider _parseOnlyServices = null!;
    private IWebhookDispatcher _parseOnlyDispatcher = null!;
    private WebhookDelivery _input = null!;
    private WebhookDelivery _ownedInput = null!;
    private TelemetryListeners? _listeners;

    /// <summary>The documented sample the benchmarks read.</summary>
    public abstract DocumentedSample Fixture { get; }

    /// <summary>The provider's shared parser.</summary>
    protected abstract WebhookParser<TEvent> Parser { get; }

    /// <summary>The generated metadata for the fixture's event type, from the provider's JSON context.</summary>
    protected abstract JsonTypeInfo<TTyped> TypeInfo { get; }

    /// <summary>The same metadata from a context bound to <paramref name="options"/>.</summary>
    protected abstract JsonTypeInfo<TTyped> TypeInfoFor(JsonSerializerOptions options);

    [GlobalSetup]
    public virtual void Setup()
    {
        var fixture = Fixture;
        _provider = fixture.Provider;
        _delivery = Deliver(fixture.Body.ToArray());
        _body = _delivery.Body;
        _typeInfo = TypeInfo;
        _strictTypeInfo = TypeInfoFor(new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = true });
        _parser = Parser;
        if (!_delivery.Verifier.Verify(Request()).IsVerified || _parser.Parse(_body) is not TTyped)
        {
            throw new InvalidOperationException($"{Fixture} does not verify and parse to {typeof(TTyped).Name}.");
        }

        _input = new WebhookDelivery(_provider, _body, _delivery.Headers, _delivery.RemoteAddress);
        _ownedInput = WebhookDelivery.FromOwnedBody(_provider, _body, _delivery.Headers, _delivery.RemoteAddress);
        (_services, _dispatcher) = BuildDispatcher(verified: true, singletonHandler: false);
        (_parseOnlyServices, _parseOnlyDispatcher) = BuildDispatcher(verified: false, singletonHandler: true);
        if (Sdk_VerifyParseDispatch() is not { Outcome: WebhookDispatchOutcome.Accepted, HandlersRun: 1 } ||
            Sdk_ParseDispatch() is not { Outcome: WebhookDispatchOutcome.Accepted, HandlersRun: 1 })
        {
            throw new InvalidOperationException($"{Fixture} is not dispatched to its handler.");
        }
    }

    /// <summary>The setup of <see cref="Sdk_ParseDispatch_Observed"/>: the same, with listeners attached (process-wide, so only for that benchmark).</summary>
    [GlobalSetup(Target = nameof(Sdk_ParseDispatch_Observed))]
    public void SetupObserved()
    {
        Setup();
        _listeners = new TelemetryListeners();
    }

    [GlobalCleanup(Target = nameof(Sdk_ParseDispatch_Observed))]
    public void CleanupObserved()
    {
        _listeners?.Dispose();
        _listeners = null;
        Cleanup();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _parseOnlyServices.Dispose();
    }

    /// <summary>Floor: the right converter known in advance, no discriminator, no copy.</summary>
    [Benchmark(Baseline = true)]
    public TTyped? Floor_Deserialize() => JsonSerializer.Deserialize(_body, _typeInfo);

    /// <summary>
    /// The same, with a reader that rejects comments instead of skipping them — what the SDK's first read uses.
    /// Not the target's floor; shown so the SDK's own overhead can be told from the reader mode's.
    /// </summary>
    [Benchmark]
    public TTyped? Floor_DeserializeStrict() => JsonSerializer.Deserialize(_body, _strictTypeInfo);

    /// <summary>Floor: one tokenizer pass over the same bytes, nothing materialised.</summary>
    [Benchmark]
    public int Floor_ReaderScan()
    {
        var reader = new Utf8JsonReader(_body, ReaderOptions);
        int tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>SDK: bytes to the typed event (discriminator scan, routing, private raw copy).</summary>
    [Benchmark]
    public TEvent Sdk_Parse() => _parser.Parse(_body);

    /// <summary>
    /// SDK: the same with the body handed over (<c>ParseOwned</c>, as the ASP.NET Core endpoint does with the array it
    /// reads each request into): the event keeps the array instead of copying it. The array is reused here, which is
    /// safe because nothing writes to it.
    /// </summary>
    [Benchmark]
    public TEvent Sdk_ParseOwned() => _parser.ParseOwned(_body);

    /// <summary>SDK: the provider's verifier, then parse.</summary>
    [Benchmark]
    public TEvent Sdk_VerifyParse()
    {
        var request = Request();
        return _delivery.Verifier.Verify(request).IsVerified
            ? _parser.Parse(request.Body.Span)
            : throw new InvalidOperationException("Not verified.");
    }

    /// <summary>
    /// SDK: the dispatcher through DI verifies, parses, claims the delivery and runs one no-op handler, registered
    /// the default way (scoped, so every delivery gets a DI scope).
    /// </summary>
    [Benchmark]
    public WebhookDispatchResult Sdk_VerifyParseDispatch() => Dispatch(_dispatcher, _input);

    /// <summary>
    /// SDK: the dispatcher with verification switched off, the handler registered as a singleton and the body handed
    /// over, so that minus <see cref="Sdk_ParseOwned"/> it is the dispatcher's own cost (claim, routing, handler call,
    /// result, two clock reads), measured against the smaller and steadier parse instead of verify + parse.
    /// </summary>
    [Benchmark]
    public WebhookDispatchResult Sdk_ParseDispatch() => Dispatch(_parseOnlyDispatcher, _ownedInput);

    /// <summary>
    /// SDK: <see cref="Sdk_ParseDispatch"/> with an activity listener that records every activity and a meter listener
    /// that enables every instrument (both with empty callbacks): minus <see cref="Sdk_ParseDispatch"/>, the cost of
    /// the delivery's activity, its stage activities and its measurements.
    /// </summary>
    [Benchmark]
    public WebhookDispatchResult Sdk_ParseDispatch_Observed() => Dispatch(_parseOnlyDispatcher, _ownedInput);

    /// <summary>Baseline users write today: JObject.Parse, switch on the type string, ToObject.</summary>
    [Benchmark]
    public object? Newtonsoft_JObject() => NewtonsoftParse(Encoding.UTF8.GetString(_body));

    /// <summary>What users write today, from the request body as text.</summary>
    protected abstract object? NewtonsoftParse(string body);

    /// <summary>Enables the provider on the dispatcher, configured by <paramref name="configure"/>.</summary>
    protected abstract void AddProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions> configure);

    /// <summary>Signs <paramref name="body"/> as the provider would and configures the verifier that accepts it.</summary>
    protected abstract Delivery Deliver(byte[] body);

    private WebhookRequest Request() => new(_body, _delivery.Headers, _delivery.RemoteAddress);

    // The delivery is the host's input, built once like the body bytes: the dispatcher's own allocations are what is measured.
    private static WebhookDispatchResult Dispatch(IWebhookDispatcher dispatcher, WebhookDelivery delivery)
    {
        var pending = dispatcher.DispatchAsync(delivery);

        // Everything completes synchronously here; the fallback keeps the benchmark honest if that ever changes.
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    private (ServiceProvider Services, IWebhookDispatcher Dispatcher) BuildDispatcher(bool verified, bool singletonHandler)
    {
        var services = new ServiceCollection();
        if (singletonHandler)
        {
            services.AddSingleton<NoOpHandler<TTyped>>();
        }

        services.AddLoanWebhooks(builder =>
        {
            AddProvider(builder, options =>
            {
                if (verified)
                {
                    options.Verifier = _delivery.Verifier;
                }
                else
                {
                    options.AllowUnverifiedRequestsForDevelopmentOnly();
                }
            });
            builder.AddHandler<NoOpHandler<TTyped>, TTyped>();
            builder.UseIdempotencyStore<PassThroughIdempotencyStore>();
        });
        ServiceProvider provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IWebhookDispatcher>());
    }
}
