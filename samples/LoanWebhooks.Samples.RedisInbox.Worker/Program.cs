// Runs the handlers of the deliveries that samples/LoanWebhooks.Samples.RedisInbox.Web stores (started with
// Inbox__RunWorkers=false): no endpoint, the same providers, handler, idempotency store and stream. Start as many as
// you like; a worker that dies mid-handler leaves its delivery to another after the idle time. Needs Redis and
// Canopy__Secret like the web sample (the secret only configures the provider; stored deliveries are not verified again).
using LoanWebhooks.Samples.RedisInbox.Worker;
using StackExchange.Redis;

var builder = Host.CreateApplicationBuilder(args);
var redis = ConfigurationOptions.Parse(builder.Configuration["Redis"] ?? "localhost:6379");
redis.AbortOnConnectFail = false;
redis.ReconnectRetryPolicy = new LinearRetry(500);

builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
builder.Services.AddLoanWebhooks(b => b
    .AddCanopy(o => o.UseSignatureSecret(builder.Configuration["Canopy:Secret"]
        ?? throw new InvalidOperationException("Set Canopy:Secret, e.g. with the Canopy__Secret environment variable.")))
    .AddHandler<LogPayments>()
    .UseRedisIdempotencyStore(o => o.KeyPrefix = "sample:idempotency:")
    .AddRedisStreamWorkers(inbox =>
    {
        inbox.StreamKey = "sample:{inbox}";
        // On shutdown, handlers still running after this are cancelled and handed back to the group.
        inbox.ShutdownTimeout = TimeSpan.FromSeconds(20);
    }));
builder.Build().Run();
