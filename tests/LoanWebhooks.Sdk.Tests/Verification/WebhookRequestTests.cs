using System;
using System.Net;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Verification;

public sealed class WebhookRequestTests
{
    [Fact]
    public void Keeps_the_body_headers_and_address_it_was_given()
    {
        byte[] body = [1, 2, 3];
        var address = IPAddress.Parse("44.232.30.137");

        var request = new WebhookRequest(body, WebhookHeaders.Empty, address);

        Assert.Equal(body, request.Body.ToArray());
        Assert.Same(WebhookHeaders.Empty, request.Headers);
        Assert.Equal(address, request.RemoteIpAddress);
    }

    [Fact]
    public void Rejects_null_headers()
    {
        Assert.Throws<ArgumentNullException>(() => new WebhookRequest(ReadOnlyMemory<byte>.Empty, null!));
    }
}
