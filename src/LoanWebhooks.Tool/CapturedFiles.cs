using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Tool;

/// <summary>Reads what the user captured: the body exactly as bytes, and the headers as <c>Name: value</c> lines.</summary>
internal static class CapturedFiles
{
    /// <summary>Reads the body byte for byte: signatures cover the exact bytes, so nothing is decoded or trimmed.</summary>
    public static byte[] ReadBody(FileInfo file) => ReadAllBytes(file, "--body");

    /// <summary>
    /// Reads headers, one <c>Name: value</c> per line, as curl -v, a proxy log or a raw HTTP request show them. A
    /// request line first (<c>POST /webhooks HTTP/1.1</c>) is skipped, and an empty line ends the headers, so a whole
    /// captured request can be passed. A line that is not a header is reported by its number only, since header
    /// values can be credentials.
    /// </summary>
    public static WebhookHeaders ReadHeaders(FileInfo? file)
    {
        if (file is null)
        {
            return WebhookHeaders.Empty;
        }

        string[] lines = ReadAllLines(file, "--headers");
        var headers = new List<KeyValuePair<string, string?>>();
        for (int index = 0; index < lines.Length; index++)
        {
            string line = lines[index].TrimEnd('\r');
            if (line.Length == 0)
            {
                if (headers.Count == 0)
                {
                    continue;
                }

                break;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[..colon].Contains(' ', StringComparison.Ordinal))
            {
                if (index == 0 && line.Contains(" HTTP/", StringComparison.Ordinal))
                {
                    continue;
                }

                throw new UsageException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Line {index + 1} of the --headers file is not a header (\"Name: value\"); its content is not shown because header values can be credentials."));
            }

            headers.Add(new KeyValuePair<string, string?>(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        return new WebhookHeaders(headers);
    }

    /// <summary>Reads a PEM file's path back for the verifier's options, after checking that it exists.</summary>
    public static string ExistingPath(FileInfo file, string option) =>
        file.Exists ? file.FullName : throw new UsageException($"The {option} file '{file.FullName}' does not exist.");

    private static byte[] ReadAllBytes(FileInfo file, string option)
    {
        try
        {
            return File.ReadAllBytes(ExistingPath(file, option));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"The {option} file '{file.FullName}' cannot be read: {exception.GetType().Name}.", exception);
        }
    }

    private static string[] ReadAllLines(FileInfo file, string option)
    {
        try
        {
            return File.ReadAllLines(ExistingPath(file, option));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"The {option} file '{file.FullName}' cannot be read: {exception.GetType().Name}.", exception);
        }
    }
}
