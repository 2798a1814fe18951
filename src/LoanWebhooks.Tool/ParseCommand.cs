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

        var json = CommonOptions.Json();

        var command = new Command("parse", "Parse a captured body with the SDK's parser and print the typed event or the parse error.")
        {
            provider, body, eventType, json,
        };
        command.SetAction(parsed => Commands.Run(parsed, output => Execute(
            CommonOptions.ToProvider(parsed.GetValue(provider)!),
            parsed.GetValue(body)!,
            parsed.GetValue(eventType)).WriteTo(output, parsed.GetValue(json))));
        return command;
    }

    private static CommandReport Execute(WebhookProvider provider, FileInfo bodyFile, string? expectedEventType)
    {
        byte[] body = CapturedFiles.ReadBody(bodyFile);
        string name = provider.ToString().ToLowerInvariant();
        if (BuiltInWebhookParsers.Default(provider).TryParse(body, out WebhookEvent? webhookEvent, out WebhookParseError? error, expectedEventType))
        {
            // An event type the SDK does not know is whatever text the body sent: not repeated, as in the SDK's logs.
            string eventType = webhookEvent.Match == WebhookEventMatch.Unknown ? "(unknown event type)" : webhookEvent.EventType;
            return new CommandReport(name, "parsed", succeeded: true, "parsed")
                .Add("event", "event", webhookEvent.GetType().Name)
                .Add("event type", "eventType", eventType)
                .Add("match", "match", webhookEvent.Match.ToString());
        }

        return new CommandReport(name, "parsed", succeeded: false, "not parsed")
            .Add("reason", "reason", error.Reason.ToString())
            .Add("message", "message", error.Message)
            .Add("event type", "eventType", error.EventType)
            .Add("json path", "jsonPath", error.JsonPath)
            .Add("position", "position", error.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, byte {error.BytePositionInLine}")
                : null);
    }
}
