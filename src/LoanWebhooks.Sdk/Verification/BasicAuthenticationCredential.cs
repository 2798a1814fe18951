using System;
using System.Text;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>A user name and password that a provider may present with HTTP Basic authentication.</summary>
/// <remarks>
/// <see cref="object.ToString"/> is deliberately not overridden, so that logging a credential shows
/// neither half of it.
/// </remarks>
public sealed class BasicAuthenticationCredential
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Creates a credential.</summary>
    /// <param name="userName">The user name. It must not be empty or whitespace, nor contain <c>:</c>.</param>
    /// <param name="password">The password. It must not be empty or whitespace; it may contain <c>:</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="userName"/> or <paramref name="password"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A value is empty, whitespace, or not valid Unicode, or the user name contains <c>:</c>. The message
    /// never contains either value.
    /// </exception>
    public BasicAuthenticationCredential(string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);

        if (string.IsNullOrWhiteSpace(userName))
        {
            throw new ArgumentException("The user name must not be empty or whitespace.", nameof(userName));
        }

        // Basic authentication splits "user:password" at the first ':', so a colon can only live in the password.
        if (userName.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "The user name must not contain ':', because Basic authentication separates user name and password with the first ':'.",
                nameof(userName));
        }

        if (string.IsNullOrWhiteSpace(password))
        {
            throw new ArgumentException("The password must not be empty or whitespace.", nameof(password));
        }

        EnsureValidUnicode(userName, "user name", nameof(userName));
        EnsureValidUnicode(password, "password", nameof(password));

        UserName = userName;
        Password = password;
    }

    /// <summary>Gets the user name.</summary>
    public string UserName { get; }

    /// <summary>Gets the password.</summary>
    public string Password { get; }

    // A lone surrogate would be encoded as U+FFFD, which no client would send for it: refuse it up front.
    private static void EnsureValidUnicode(string value, string what, string paramName)
    {
        try
        {
            _ = StrictUtf8.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException($"The {what} is not valid Unicode text.", paramName);
        }
    }
}
