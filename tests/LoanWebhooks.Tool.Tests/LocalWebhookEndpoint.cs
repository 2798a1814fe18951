using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace LoanWebhooks.Tool.Tests;

/// <summary>
/// An endpoint on 127.0.0.1 that records the first request it gets and answers it with a chosen status, so a test
/// can check what <c>loanwebhooks send</c> posted.
/// </summary>
internal sealed class LocalWebhookEndpoint : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task<ReceivedRequest> _received;

    public LocalWebhookEndpoint(HttpStatusCode answer = HttpStatusCode.OK)
    {
        (_listener, int port) = StartOnFreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _received = ReceiveOneAsync(answer);
    }

    /// <summary>The endpoint's address, without a trailing slash; any path under it is answered.</summary>
    public string BaseUrl { get; }

    /// <summary>The first request, once it has arrived (fails the test after 30 s).</summary>
    public ReceivedRequest Received => _received.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();

    public void Dispose() => _listener.Close();

    private async Task<ReceivedRequest> ReceiveOneAsync(HttpStatusCode answer)
    {
        HttpListenerContext context = await _listener.GetContextAsync();
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string? name in context.Request.Headers.AllKeys)
        {
            if (name is not null)
            {
                headers[name] = context.Request.Headers[name]!;
            }
        }

        context.Response.StatusCode = (int)answer;
        context.Response.Close();
        return new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body.ToArray());
    }

    private static (HttpListener Listener, int Port) StartOnFreePort()
    {
        // HttpListener cannot pick a port itself: take one the system hands out, and retry if someone took it meanwhile.
        for (int attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return (listener, port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }
}

/// <summary>A request the local endpoint received.</summary>
internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);
