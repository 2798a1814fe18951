using System;
using System.Globalization;
using LoanWebhooks.Sdk.Redis.ChaosWorker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: <redis port> <key prefix> <handler delay in ms>
int port = int.Parse(args[0], CultureInfo.InvariantCulture);
string prefix = args[1];
var delay = TimeSpan.FromMilliseconds(int.Parse(args[2], CultureInfo.InvariantCulture));

HostApplicationBuilder builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
ChaosApp.AddServices(builder.Services, ChaosApp.Redis(port), prefix, delay);
builder.Services.AddLoanWebhooks(b => ChaosApp.Configure(b, prefix).AddRedisStreamWorkers(o => ChaosApp.ConfigureInbox(o, prefix)));
using IHost host = builder.Build();
await host.StartAsync();
Console.WriteLine("worker started");
await host.WaitForShutdownAsync();
