using System;
using System.CommandLine;
using System.IO;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Tool;

/// <summary>
/// <c>loanwebhooks verify</c>: runs the SDK's verifier on a captured request and explains the result. It prints the
/// verifier's reason and detail, for Canopy which signed-content reading the signature matches, and signs that the
/// captured body was re-serialised on its way; never the secret, the signature or a payload value.
/// </summary>
internal static class VerifyCommand
{
    /// <summary>Read when --secret is not given, so the secret need not appear in the shell's history.</summary>
    public const string SecretVariable = "LOANWEBHOOKS_SECRET";

    public static Command Create()
    {
        var provider = CommonOptions.Provider();
        var body = CommonOptions.Body();
        var headers = new Option<FileInfo>("--headers")
        {
            Description = "The request headers, one \"Name: value\" per line (a raw HTTP request works too).",
        };
        var secret = new Option<string>("--secret")
        {
            Description = $"Canopy or Spinwheel: the webhook secret. Payitoff: user:password, or the secret of --secret-header. Default: the {SecretVariable} environment variable.",
        };
        var secretHeader = new Option<string>("--secret-header")
        {
            Description = "Spinwheel (and Payitoff, if it sends one): the header that carries the secret.",
        };
        var publicKey = new Option<FileInfo>("--public-key")
        {
            Description = "receeve: the PEM file of the public key receeve gave you.",
        };
        var remoteIp = new Option<string>("--remote-ip")
        {
            Description = "Spinwheel: the address the request came from, checked against Spinwheel's published addresses.",
        };
        var json = CommonOptions.Json();

        var command = new Command("verify", "Verify a captured request with the SDK's verifier and explain why it fails.")
        {
            provider, body, headers, secret, secretHeader, publicKey, remoteIp, json,
        };
        command.SetAction(parsed => Commands.Run(parsed, output =>
        {
            WebhookProvider webhookProvider = CommonOptions.ToProvider(parsed.GetValue(provider)!);
            var inputs = new VerificationInputs(
                parsed.GetValue(secret) ?? Environment.GetEnvironmentVariable(SecretVariable),
                parsed.GetValue(secretHeader),
                parsed.GetValue(publicKey),
                CommonOptions.ToAddress(parsed.GetValue(remoteIp), "--remote-ip"));
            return Execute(webhookProvider, parsed.GetValue(body)!, parsed.GetValue(headers), inputs).WriteTo(output, parsed.GetValue(json));
        }));
        return command;
    }

    private static CommandReport Execute(WebhookProvider provider, FileInfo bodyFile, FileInfo? headersFile, VerificationInputs inputs)
    {
        IWebhookVerifier verifier = ProviderVerifiers.Create(provider, inputs);
        byte[] body = CapturedFiles.ReadBody(bodyFile);
        WebhookHeaders headers = CapturedFiles.ReadHeaders(headersFile);
        WebhookVerificationResult result = verifier.Verify(new WebhookRequest(body, headers, inputs.RemoteAddress));

        var report = new CommandReport(provider.ToString().ToLowerInvariant(), "verified", result.IsVerified, result.IsVerified ? "verified" : "not verified");
        if (provider == WebhookProvider.Spinwheel && inputs.RemoteAddress is null)
        {
            report.Note("the source address was not checked; pass --remote-ip to check it against Spinwheel's published addresses.");
        }

        if (result.IsVerified)
        {
            return report;
        }

        report.Add("reason", "reason", result.Reason.ToString()).Add("detail", "detail", result.Detail);
        if (provider == WebhookProvider.Canopy)
        {
            // Canopy does not document whether "data" is signed as sent or re-serialised: try every reading.
            report.Add("diagnosis", "diagnosis", CanopySignatureDiagnostics.Diagnose(body, inputs.Secret!).Summary);
        }

        if (result.Reason is WebhookVerificationFailureReason.InvalidCredential or WebhookVerificationFailureReason.SignedContentMismatch)
        {
            // A signature over bytes the capture no longer has looks exactly like a wrong secret; say what changed bytes.
            foreach (string hint in ReserialisationHints.Find(body))
            {
                report.Note(hint);
            }
        }

        return report;
    }
}
