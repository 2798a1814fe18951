using System;
using System.CommandLine;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Testing.Simulation;

namespace LoanWebhooks.Tool;

/// <summary>
/// <c>loanwebhooks send</c>: posts a documented sample (or a file of the user's) to an endpoint, authenticated as the
/// provider authenticates it, with the <see cref="WebhookSimulator"/> and signers of LoanWebhooks.Sdk.Testing. Prints
/// the endpoint's status; never the secret, the body or the endpoint's answer (which may echo the body).
/// </summary>
internal static class SendCommand
{
    /// <summary>How long to wait for the endpoint before giving up (a handler that hangs is worth knowing about).</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var provider = CommonOptions.Provider("Which provider to send as: payitoff, canopy, spinwheel or receeve.");
        var eventType = new Option<string>("--event")
        {
            HelpName = "event-type",
            Description = "The event type to send ('loanwebhooks events' lists them): its documented sample is posted, unless --body is given.",
            Required = true,
        };
        var to = new Option<string>("--to")
        {
            HelpName = "url",
            Description = "The endpoint's URL, e.g. http://localhost:5000/webhooks/canopy. A URL ending in /spinwheel gets /<event> appended, as Spinwheel posts each event to its own URL.",
            Required = true,
        };
        var body = new Option<FileInfo>("--body")
        {
            HelpName = "file",
            Description = "Post this file instead of the documented sample. Canopy and receeve bodies get their signature members set; other bytes are sent as they are.",
        };
        var secret = new Option<string>("--secret")
        {
            HelpName = "secret",
            Description = $"Canopy: the webhook secret to sign with. Spinwheel, Payitoff: the value of --secret-header. Default: the {VerifyCommand.SecretVariable} environment variable.",
        };
        var privateKey = new Option<FileInfo>("--receeve-private-key")
        {
            HelpName = "key.pem",
            Description = "receeve: a PEM private key (RSA or EC) to sign with. Without it a new key pair is made and its public key printed, to configure the app with.",
        };
        var basic = new Option<string>("--basic")
        {
            HelpName = "user:password",
            Description = "Payitoff: user:password, sent as Authorization: Basic (what a URL registered as https://user:password@host/… sends).",
        };
        var secretHeader = new Option<string>("--secret-header")
        {
            HelpName = "name",
            Description = "Spinwheel (and Payitoff, if it sends one): the header that carries --secret.",
        };
        var forwardedFor = new Option<string>("--forwarded-for")
        {
            HelpName = "address",
            Description = "Send X-Forwarded-For with this address (e.g. one the provider publishes), for an endpoint behind a proxy it trusts; the SDK then checks this address instead of the proxy's.",
        };
        var json = CommonOptions.Json();

        var command = new Command("send", "Post a documented sample (or a file) to an endpoint, authenticated as the provider does, and print the status.")
        {
            provider, eventType, to, body, secret, privateKey, basic, secretHeader, forwardedFor, json,
        };
        command.SetAction(parsed => Commands.Run(parsed, output =>
        {
            WebhookProvider webhookProvider = CommonOptions.ToProvider(parsed.GetValue(provider)!);
            var credentials = new SendCredentials(parsed.GetValue(secret), parsed.GetValue(secretHeader), parsed.GetValue(privateKey), parsed.GetValue(basic));
            IPAddress? forwardedAddress = CommonOptions.ToAddress(parsed.GetValue(forwardedFor), "--forwarded-for");
            return ExecuteAsync(webhookProvider, parsed.GetValue(eventType)!, parsed.GetValue(to)!, parsed.GetValue(body), credentials, forwardedAddress)
                .GetAwaiter().GetResult()
                .WriteTo(output, parsed.GetValue(json));
        }));
        return command;
    }

    private static async Task<CommandReport> ExecuteAsync(WebhookProvider provider, string eventType, string to, FileInfo? bodyFile, SendCredentials credentials, IPAddress? forwardedFor)
    {
        Uri target = SendTarget.Resolve(provider, eventType, to, ref credentials);
        ReadOnlyMemory<byte> body = bodyFile is null ? Sample(provider, eventType).Body : CapturedFiles.ReadBody(bodyFile);
        string name = provider.ToString().ToLowerInvariant();

        using var client = new HttpClient { Timeout = Timeout };
        var simulator = new WebhookSimulator(client);
        using ReceeveWebhookSigner? receeveSigner = ProviderAuthentication.Configure(simulator, provider, credentials, redateReceeveTimestamps: bodyFile is null);
        if (forwardedFor is not null)
        {
            simulator.UseForwardedFor(provider, forwardedFor);
        }

        HttpRequestMessage request;
        try
        {
            request = simulator.CreateRequest(provider, body, eventType);
        }
        catch (ArgumentException exception) when (exception.ParamName == "body")
        {
            // The signers' messages name members, never values.
            string reason = exception.Message.Replace($" (Parameter '{exception.ParamName}')", string.Empty, StringComparison.Ordinal);
            throw new UsageException($"The body cannot be signed as {name} signs it: {reason}", exception);
        }

        using (request)
        {
            request.RequestUri = target;
            var report = new CommandReport(name, "accepted", succeeded: false, "not delivered")
                .Add("event", "event", eventType)
                .Add("to", "to", SendTarget.Printable(target))
                .Add("forwarded for", "forwardedFor", forwardedFor?.ToString());
            if (receeveSigner is not null && credentials.ReceevePrivateKey is null)
            {
                report.Add("public key (configure the app with it: o.UsePublicKey(…))", "publicKeyPem", receeveSigner.PublicKeyPem.TrimEnd());
            }

            try
            {
                using HttpResponseMessage response = await client.SendAsync(request).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                return report
                    .WithOutcome(response.IsSuccessStatusCode, response.IsSuccessStatusCode ? "accepted" : "not accepted")
                    .Add("status", "status", status)
                    .Add("reason phrase", "reasonPhrase", response.ReasonPhrase);
            }
            catch (HttpRequestException exception)
            {
                return report.Add("error", "error", $"the request failed: {exception.HttpRequestError}");
            }
            catch (TaskCanceledException)
            {
                return report.Add("error", "error", $"no answer within {Timeout.TotalSeconds:0} s");
            }
        }
    }

    private static DocumentedSample Sample(WebhookProvider provider, string eventType)
    {
        try
        {
            return DocumentedSamples.Get(provider, eventType);
        }
        catch (System.Collections.Generic.KeyNotFoundException exception)
        {
            string name = provider.ToString().ToLowerInvariant();
            throw new UsageException(
                $"There is no documented {name} sample for the event type '{eventType}'. 'loanwebhooks events --provider {name}' lists the event types; --body sends a file of your own.",
                exception);
        }
    }
}
