using System.CommandLine;
using System.Globalization;
using System.IO;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;

namespace LoanWebhooks.Tool;

/// <summary>
/// <c>loanwebhooks parse</c>: runs the SDK's parser on a captured body and prints the typed event it becomes, how its
/// type was matched, or the typed parse error. Like the SDK's errors, the output names no payload value.
/// </summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var provider = CommonOptions.Provider();
        var body = CommonOptions.Body();
        var eventType = new Option<string>("--event-type")
        {
            Description = "The event type the route expects (Spinwheel posts each event to its own URL), for bodies without one.",
        };

        var command = new Command("parse", "Parse a captured body with the SDK's parser and print the typed event or the parse error.")
        {
            provider, body, eventType,
        };
        command.SetAction(parsed => Commands.Run(parsed, output => Execute(
            CommonOptions.ToProvider(parsed.GetValue(provider)!),
            parsed.GetValue(body)!,
            parsed.GetValue(eventType),
            output)));
        return command;
    }

    private static int Execute(WebhookProvider provider, FileInfo bodyFile, string? expectedEventType, TextWriter output)
    {
        byte[] body = CapturedFiles.ReadBody(bodyFile);
        string name = provider.ToString().ToLowerInvariant();
        if (WebhookParsers.Default(provider).TryParse(body, out WebhookEvent? webhookEvent, out WebhookParseError? error, expectedEventType))
        {
            output.WriteLine($"{name}: parsed");
            output.WriteLine($"event: {webhookEvent.GetType().Name}");
            // An event type the SDK does not know is whatever text the body sent: not repeated, as in the SDK's logs.
            output.WriteLine($"event type: {(webhookEvent.Match == WebhookEventMatch.Unknown ? "(unknown event type)" : webhookEvent.EventType)}");
            output.WriteLine($"match: {webhookEvent.Match}");
            return ExitCodes.Success;
        }

        output.WriteLine($"{name}: not parsed");
        output.WriteLine($"reason: {error.Reason}");
        output.WriteLine($"message: {error.Message}");
        if (error.EventType is { } knownEventType)
        {
            output.WriteLine($"event type: {knownEventType}");
        }

        if (error.JsonPath is { } path)
        {
            output.WriteLine($"json path: {path}");
        }

        if (error.LineNumber is { } line)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"position: line {line + 1}, byte {error.BytePositionInLine}"));
        }

        return ExitCodes.Failed;
    }
}
