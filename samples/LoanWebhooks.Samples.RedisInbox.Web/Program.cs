// Receives Canopy webhooks at POST /webhooks/canopy. Each verified delivery is stored in a Redis stream before the
// 202 goes out, and its handler runs from workers in this process; with Inbox__RunWorkers=false this instance only
// receives and samples/LoanWebhooks.Samples.RedisInbox.Worker runs the handlers. Needs a Redis (Redis=host:port,
// default localhost:6379) and Canopy__Secret.
using LoanWebhooks.Samples.RedisInbox.Web;
using LoanWebhooks.Sdk.Redis.Inbox;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);
var redis = ConfigurationOptions.Parse(builder.Configuration["Redis"] ?? "localhost:6379");
// Keep serving (with 503s) while Redis is away, and reconnect within half a second once it is back.
redis.AbortOnConnectFail = false;
redis.ReconnectRetryPolicy = new LinearRetry(500);
bool runWorkers = builder.Configuration.GetValue("Inbox:RunWorkers", defaultValue: true);

builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
builder.Services.AddLoanWebhooks(b => b
    .AddCanopy(o => o.UseSignatureSecret(builder.Configuration["Canopy:Secret"]
        ?? throw new InvalidOperationException("Set Canopy:Secret, e.g. with the Canopy__Secret environment variable.")))
    .AddHandler<LogPayments>()
    .UseRedisIdempotencyStore(o => o.KeyPrefix = "sample:idempotency:")
    .ProcessInBackground(o => o.UseRedisStreams(inbox =>
    {
        // The worker service must use the same stream and group.
        inbox.StreamKey = "sample:{inbox}";
        inbox.RunWorkers = runWorkers;
    })));

var app = builder.Build();
app.MapLoanWebhooks("/webhooks/{provider}");
app.Run();
