using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LoanWebhooks.Tool;

/// <summary>
/// What a command found, written as text lines for people (<c>canopy: not verified</c>, <c>reason: …</c>) or, with
/// <c>--json</c>, as one JSON object for scripts. Both carry the same fields, none of them a secret or a payload value.
/// </summary>
internal sealed class CommandReport
{
    private readonly List<(string Label, string JsonName, string Value)> _fields = new();
    private readonly List<string> _notes = new();

    public CommandReport(string provider, string outcomeName, bool succeeded, string outcomeText)
    {
        Provider = provider;
        OutcomeName = outcomeName;
        Succeeded = succeeded;
        OutcomeText = outcomeText;
    }

    public string Provider { get; }

    /// <summary>The JSON member that says whether the command succeeded: <c>verified</c> or <c>parsed</c>.</summary>
    public string OutcomeName { get; }

    public bool Succeeded { get; }

    /// <summary>The text form of the outcome: <c>verified</c>, <c>not verified</c>, <c>parsed</c>, <c>not parsed</c>.</summary>
    public string OutcomeText { get; }

    public CommandReport Add(string label, string jsonName, string? value)
    {
        if (value is not null)
        {
            _fields.Add((label, jsonName, value));
        }

        return this;
    }

    public CommandReport Note(string note)
    {
        _notes.Add(note);
        return this;
    }

    public int WriteTo(TextWriter output, bool json)
    {
        if (json)
        {
            WriteJson(output);
        }
        else
        {
            foreach (string note in _notes)
            {
                output.WriteLine($"note: {note}");
            }

            output.WriteLine($"{Provider}: {OutcomeText}");
            foreach (var (label, _, value) in _fields)
            {
                output.WriteLine($"{label}: {value}");
            }
        }

        return Succeeded ? ExitCodes.Success : ExitCodes.Failed;
    }

    private void WriteJson(TextWriter output)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writer.WriteString("provider", Provider);
            writer.WriteBoolean(OutcomeName, Succeeded);
            foreach (var (_, jsonName, value) in _fields)
            {
                writer.WriteString(jsonName, value);
            }

            if (_notes.Count > 0)
            {
                writer.WriteStartArray("notes");
                foreach (string note in _notes)
                {
                    writer.WriteStringValue(note);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
