using System;
using System.Collections.Generic;
using System.Text;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Events;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Testing.Providers;

/// <summary>
/// Payitoff as tests see it: it authenticates with the credentials of the URL it was given
/// (<c>https://user:password@host/…</c>, sent as <c>Authorization: Basic</c>) or, when set up that way, a secret header;
/// envelope <c>{ "event_type", "data" }</c>.
/// </summary>
public sealed class PayitoffTestProfile : ProviderTestProfile
{
    /// <summary>The user name of <see cref="PayitoffTestProfile()"/>.</summary>
    public const string TestUserName = "payitoff-test";

    /// <summary>The password of <see cref="PayitoffTestProfile()"/>; a test credential, never a real one.</summary>
    public const string TestPassword = "payitoff-test-password";

    private readonly string? _userName;
    private readonly string? _password;
    private readonly string? _headerName;
    private readonly string? _secret;

    /// <summary>Creates a profile that sends Basic credentials <see cref="TestUserName"/> and <see cref="TestPassword"/>.</summary>
    public PayitoffTestProfile()
        : this(TestUserName, TestPassword)
    {
    }

    /// <summary>Creates a profile that sends these Basic credentials.</summary>
    /// <param name="userName">The user name.</param>
    /// <param name="password">The password.</param>
    public PayitoffTestProfile(string userName, string password)
        : this(userName, password, null, null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(password);
    }

    private PayitoffTestProfile(string? userName, string? password, string? headerName, string? secret)
        : base(WebhookProvider.Payitoff, "/event_type")
    {
        _userName = userName;
        _password = password;
        _headerName = headerName;
        _secret = secret;
    }

    /// <summary>Creates a profile that sends a secret header instead of Basic credentials.</summary>
    /// <param name="headerName">The header configured on the subscription.</param>
    /// <param name="secret">Its value.</param>
    /// <returns>The profile.</returns>
    public static PayitoffTestProfile WithSecretHeader(string headerName, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(headerName);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return new PayitoffTestProfile(null, null, headerName, secret);
    }

    /// <inheritdoc/>
    public override LoanWebhooksBuilder AddProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddPayitoff(configure);
    }

    /// <inheritdoc/>
    public override LoanWebhooksBuilder AddVerifiedProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddPayitoff(options =>
        {
            _ = _headerName is null
                ? options.UseBasicAuthentication(_userName!, _password!)
                : options.UseSharedSecretHeader(_headerName, _secret!);
            configure?.Invoke(options);
        });
    }

    /// <inheritdoc/>
    public override AuthenticatedWebhookRequest Authenticate(ReadOnlyMemory<byte> body) => new()
    {
        Body = body.ToArray(),
        Headers = _headerName is null
            ? [KeyValuePair.Create("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(_userName + ":" + _password)))]
            : [KeyValuePair.Create(_headerName, _secret!)],
    };
}
