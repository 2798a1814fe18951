using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing.Providers;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Fuzzing;

/// <summary>
/// The one function every fuzzer (SharpFuzz/libFuzzer, AFL, the FsCheck pass in the tests) drives: the first
/// input byte picks a provider, the rest is the body. It runs that provider's verifier and parser and throws
/// <see cref="FuzzInvariantViolation"/> when anything happens besides a typed event, the provider's unknown
/// event, or a documented parse error / verification failure.
/// </summary>
public static class WebhookFuzzTarget
{
    /// <summary>The secret the fuzzed requests carry; verification of a mutated body mostly fails, which is the point.</summary>
    public const string Secret = "fuzz-secret-0123456789";

    // The profiles' order (Payitoff, Canopy, Spinwheel, receeve) keeps the first byte of saved corpus inputs meaning the same provider.
    private static readonly WebhookProvider[] Providers = ProviderTestProfiles.All.Select(p => p.Provider).ToArray();

    private static readonly WebhookHeaders Headers = new(new[]
    {
        new KeyValuePair<string, string?>("X-Webhook-Secret", Secret),
        new KeyValuePair<string, string?>("Authorization", "Basic dXNlcjpwYXNz"),
    });

    /// <summary>The provider an input exercises.</summary>
    /// <param name="input">The fuzzer's bytes.</param>
    /// <returns>The provider picked by the first byte.</returns>
    public static WebhookProvider ProviderOf(ReadOnlySpan<byte> input) => Providers[input.IsEmpty ? 0 : input[0] % Providers.Length];

    /// <summary>Builds an input for <paramref name="provider"/> and <paramref name="body"/>.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="body">The body bytes.</param>
    /// <returns>The input bytes.</returns>
    public static byte[] InputFor(WebhookProvider provider, ReadOnlySpan<byte> body)
    {
        byte[] input = new byte[body.Length + 1];
        input[0] = (byte)Array.IndexOf(Providers, provider);
        body.CopyTo(input.AsSpan(1));
        return input;
    }

    /// <summary>Runs verify + parse on one input.</summary>
    /// <param name="input">The fuzzer's bytes.</param>
    /// <exception cref="FuzzInvariantViolation">Any outcome outside the documented ones.</exception>
    public static void Run(ReadOnlySpan<byte> input)
    {
        var provider = ProviderOf(input);
        var body = input.IsEmpty ? ReadOnlySpan<byte>.Empty : input[1..];
        Verify(provider, body);
        Parse(provider, body);
    }

    private static void Verify(WebhookProvider provider, ReadOnlySpan<byte> body)
    {
        WebhookVerificationResult result;
        try
        {
            result = FuzzVerifiers.For(provider).Verify(new WebhookRequest(body.ToArray(), Headers, IPAddress.Loopback));
        }
        catch (Exception e)
        {
            throw new FuzzInvariantViolation($"{provider} verifier threw {e.GetType().Name}.", e);
        }

        if (result is null || (!result.IsVerified && !Enum.IsDefined(result.Reason)))
        {
            throw new FuzzInvariantViolation($"{provider} verifier returned an undocumented result.");
        }
    }

    private static void Parse(WebhookProvider provider, ReadOnlySpan<byte> body)
    {
        var parser = BuiltInWebhookParsers.Default(provider);
        bool parsed;
        WebhookEvent? webhookEvent;
        WebhookParseError? failure;
        try
        {
            parsed = parser.TryParse(body, out webhookEvent, out failure);
            if (parsed)
            {
                // Printing walks every member, including the redaction path.
                _ = webhookEvent!.ToString();
            }
        }
        catch (Exception e)
        {
            throw new FuzzInvariantViolation($"{provider} TryParse threw {e.GetType().Name}.", e);
        }

        if (parsed && (webhookEvent is null || failure is not null || webhookEvent.Provider != provider))
        {
            throw new FuzzInvariantViolation($"{provider} TryParse succeeded without a {provider} event.");
        }

        if (!parsed && (webhookEvent is not null || failure is null || !Enum.IsDefined(failure.Reason)))
        {
            throw new FuzzInvariantViolation($"{provider} TryParse failed without a documented reason.");
        }

        if (parsed && webhookEvent is IUnknownWebhookEvent != (webhookEvent!.Match == WebhookEventMatch.Unknown))
        {
            throw new FuzzInvariantViolation($"{provider} event {webhookEvent.GetType().Name} has match {webhookEvent.Match}.");
        }

        try
        {
            var thrown = parser.Parse(body);
            if (!parsed)
            {
                throw new FuzzInvariantViolation($"{provider} Parse accepted a body TryParse rejected.");
            }

            _ = thrown;
        }
        catch (WebhookParseException e) when (!parsed && e.Error.Reason == failure!.Reason)
        {
        }
        catch (Exception e) when (e is not FuzzInvariantViolation)
        {
            throw new FuzzInvariantViolation($"{provider} Parse threw {e.GetType().Name} where TryParse {(parsed ? "succeeded" : "reported " + failure!.Reason)}.", e);
        }
    }
}
