using System;
using System.Collections.Generic;
using System.Globalization;
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
    private readonly List<(string Label, string JsonName, object Value)> _fields = new();
    private readonly List<string> _notes = new();

    public CommandReport(string provider, string outcomeName, bool succeeded, string outcomeText)
    {
        Provider = provider;
        OutcomeName = outcomeName;
        Succeeded = succeeded;
        OutcomeText = outcomeText;
    }

    public string Provider { get; }

    /// <summary>The JSON member that says whether the command succeeded: <c>verified</c>, <c>parsed</c> or <c>accepted</c>.</summary>
    public string OutcomeName { get; }

    public bool Succeeded { get; private set; }

    /// <summary>The text form of the outcome: <c>verified</c>, <c>not verified</c>, <c>parsed</c>, <c>not parsed</c>.</summary>
    public string OutcomeText { get; private set; }

    /// <summary>Sets the outcome once it is known (<c>send</c> knows it only after its fields).</summary>
    public CommandReport WithOutcome(bool succeeded, string outcomeText)
    {
        Succeeded = succeeded;
        OutcomeText = outcomeText;
        return this;
    }

    public CommandReport Add(string label, string jsonName, string? value)
    {
        if (value is not null)
        {
            _fields.Add((label, jsonName, value));
        }

        return this;
    }

    /// <summary>Adds a number, written as a JSON number.</summary>
    public CommandReport Add(string label, string jsonName, int value)
    {
        _fields.Add((label, jsonName, value));
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
                // A multi-line value (a PEM key) starts on its own line, so it can be copied whole.
                string text = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                output.WriteLine(text.Contains('\n', StringComparison.Ordinal) ? $"{label}:\n{text}" : $"{label}: {text}");
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
                if (value is int number)
                {
                    writer.WriteNumber(jsonName, number);
                }
                else
                {
                    writer.WriteString(jsonName, (string)value);
                }
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
