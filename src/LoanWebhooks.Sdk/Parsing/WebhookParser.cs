using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Serialization;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>
/// A provider's discriminated-union parser: limits → one cheap scan for the discriminator → the
/// generated converter of that event (or the unknown event) → a typed, immutable event that keeps a
/// private copy of the raw body. Generated per provider (<c>PayitoffWebhookParser</c>, …).
/// </summary>
/// <typeparam name="TEvent">The provider's base event type.</typeparam>
public abstract class WebhookParser<TEvent> : IWebhookParser, IWebhookEventTable
    where TEvent : WebhookEvent
{
    /// <summary>".v" and up to nine digits: any version a provider will really send.</summary>
    private const int MaxReportedVersionSuffixLength = 11;

    private static ReadOnlySpan<byte> Utf8Bom => new byte[] { 0xEF, 0xBB, 0xBF };

    private readonly WebhookEventCatalog<TEvent> _catalog;
    private readonly JsonReaderOptions _readerOptions;
    private readonly JsonReaderOptions _strictReaderOptions;
    private readonly JsonSerializerOptions _serializerOptions;

    /// <summary>For the generated parser of each provider, in this SDK or in your own assembly.</summary>
    /// <param name="catalog">The provider's events.</param>
    /// <param name="options">Body size and nesting limits.</param>
    protected WebhookParser(WebhookEventCatalog<TEvent> catalog, WebhookParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        MaxBodyBytes = options.MaxBodyBytes;
        MaxDepth = options.MaxDepth;
        _readerOptions = WebhookJsonDefaults.ReaderOptions(options.MaxDepth);
        _strictReaderOptions = _readerOptions with { CommentHandling = JsonCommentHandling.Disallow };
        _serializerOptions = WebhookJsonDefaults.CreateOptions(options.MaxDepth);
    }

    /// <inheritdoc/>
    public WebhookProvider Provider => _catalog.Provider;

    /// <inheritdoc/>
    public IReadOnlyList<WebhookEventTypeInfo> EventTypes => _catalog.EventTypes;

    /// <inheritdoc/>
    Type IWebhookEventTable.UnknownEventClrType => _catalog.UnknownEventClrType;

    /// <summary>The body size limit this parser was created with.</summary>
    public int MaxBodyBytes { get; }

    /// <summary>The nesting limit this parser was created with.</summary>
    public int MaxDepth { get; }

    /// <summary>
    /// False turns off the routes that avoid a full scan (<see cref="JsonMemberShortcuts"/>, the strict read that
    /// proves a guessed discriminator, the typed deduplication id), leaving the reference behaviour the
    /// differential tests compare against.
    /// </summary>
    internal bool UseShortcuts { get; init; } = true;

    /// <summary>Parses <paramref name="body"/> into the most specific event.</summary>
    /// <param name="body">The raw request body (UTF-8 JSON).</param>
    /// <param name="expectedEventType">The event type the receiver subscribed this endpoint to, if it knows (Spinwheel sends some payloads without <c>eventType</c>). Used when the body has no discriminator; when it has one, a different event is rejected with <see cref="WebhookParseErrorReason.UnexpectedEventType"/>.</param>
    /// <returns>A typed event, or the provider's unknown event for an unknown type.</returns>
    /// <exception cref="WebhookParseException">The body cannot be parsed; <see cref="WebhookParseException.Error"/> says why.</exception>
    public TEvent Parse(ReadOnlySpan<byte> body, string? expectedEventType = null) =>
        ParseCore(body, expectedEventType, ownedCopy: null, out var error) ?? throw new WebhookParseException(error!);

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte}, string?)"/>
    public TEvent Parse(ReadOnlyMemory<byte> body, string? expectedEventType = null) => Parse(body.Span, expectedEventType);

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte}, string?)"/>
    public TEvent Parse(byte[] body, string? expectedEventType = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Parse(body.AsSpan(), expectedEventType);
    }

    /// <inheritdoc cref="Parse(ReadOnlySpan{byte}, string?)"/>
    public TEvent Parse(string body, string? expectedEventType = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return TryParse(body, out var webhookEvent, out var error, expectedEventType) ? webhookEvent : throw new WebhookParseException(error);
    }

    /// <summary>Reads <paramref name="body"/> to its end (at most <see cref="MaxBodyBytes"/>) and parses it.</summary>
    /// <param name="body">The request body stream; read, not disposed.</param>
    /// <param name="expectedEventType">See <see cref="Parse(ReadOnlySpan{byte}, string?)"/>.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>A typed event, or the provider's unknown event for an unknown type.</returns>
    /// <exception cref="WebhookParseException">The body cannot be parsed or is too large.</exception>
    public async ValueTask<TEvent> ParseAsync(Stream body, string? expectedEventType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        byte[]? copy = await ReadLimitedAsync(body, cancellationToken).ConfigureAwait(false);
        if (copy is null)
        {
            throw new WebhookParseException(TooLarge());
        }

        return ParseCore(copy, expectedEventType, copy, out var error) ?? throw new WebhookParseException(error!);
    }

    /// <summary>Parses <paramref name="body"/>; never throws for bad input.</summary>
    /// <param name="body">The raw request body (UTF-8 JSON).</param>
    /// <param name="webhookEvent">The event, when parsing succeeded.</param>
    /// <param name="failure">Why parsing failed, otherwise.</param>
    /// <param name="expectedEventType">See <see cref="Parse(ReadOnlySpan{byte}, string?)"/>.</param>
    /// <returns>True when <paramref name="webhookEvent"/> was produced.</returns>
    public bool TryParse(ReadOnlySpan<byte> body, [NotNullWhen(true)] out TEvent? webhookEvent, [NotNullWhen(false)] out WebhookParseError? failure, string? expectedEventType = null)
    {
        webhookEvent = ParseCore(body, expectedEventType, ownedCopy: null, out failure);
        return webhookEvent is not null;
    }

    /// <summary>Parses <paramref name="body"/>; never throws for bad input, and a null body is <see cref="WebhookParseErrorReason.EmptyBody"/> (as the framework's <c>TryParse</c> methods return false for null).</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="webhookEvent">The event, when parsing succeeded.</param>
    /// <param name="failure">Why parsing failed, otherwise.</param>
    /// <param name="expectedEventType">See <see cref="Parse(ReadOnlySpan{byte}, string?)"/>.</param>
    /// <returns>True when <paramref name="webhookEvent"/> was produced.</returns>
    public bool TryParse([NotNullWhen(true)] string? body, [NotNullWhen(true)] out TEvent? webhookEvent, [NotNullWhen(false)] out WebhookParseError? failure, string? expectedEventType = null)
    {
        if (body is null)
        {
            webhookEvent = null;
            failure = NullBody();
            return false;
        }

        if (body.Length > MaxBodyBytes)
        {
            // Each char is at least one UTF-8 byte: reject before transcoding a hostile giant.
            webhookEvent = null;
            failure = TooLarge();
            return false;
        }

        byte[] utf8 = Encoding.UTF8.GetBytes(body);
        webhookEvent = ParseCore(utf8, expectedEventType, utf8, out failure);
        return webhookEvent is not null;
    }

    /// <summary>
    /// Parses a body the caller hands over instead of copying it: the event's <see cref="WebhookEvent.RawJson"/> is
    /// <paramref name="body"/> itself. For a freshly read array (as the ASP.NET Core endpoint reads one); the caller
    /// must not change or reuse the array afterwards, so never pass a pooled or shared buffer.
    /// </summary>
    /// <param name="body">The raw request body (UTF-8 JSON), now owned by the event.</param>
    /// <param name="expectedEventType">See <see cref="Parse(ReadOnlySpan{byte}, string?)"/>.</param>
    /// <returns>A typed event, or the provider's unknown event for an unknown type.</returns>
    /// <exception cref="WebhookParseException">The body cannot be parsed; <see cref="WebhookParseException.Error"/> says why.</exception>
    public TEvent ParseOwned(byte[] body, string? expectedEventType = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return ParseCore(body, expectedEventType, body, out var error) ?? throw new WebhookParseException(error!);
    }

    /// <summary>Parses a body the caller hands over (see <see cref="ParseOwned"/>); never throws for bad input, and a null body is <see cref="WebhookParseErrorReason.EmptyBody"/>.</summary>
    /// <param name="body">The raw request body (UTF-8 JSON), owned by the event when parsing succeeds.</param>
    /// <param name="webhookEvent">The event, when parsing succeeded.</param>
    /// <param name="failure">Why parsing failed, otherwise.</param>
    /// <param name="expectedEventType">See <see cref="Parse(ReadOnlySpan{byte}, string?)"/>.</param>
    /// <returns>True when <paramref name="webhookEvent"/> was produced.</returns>
    public bool TryParseOwned([NotNullWhen(true)] byte[]? body, [NotNullWhen(true)] out TEvent? webhookEvent, [NotNullWhen(false)] out WebhookParseError? failure, string? expectedEventType = null)
    {
        if (body is null)
        {
            webhookEvent = null;
            failure = NullBody();
            return false;
        }

        webhookEvent = ParseCore(body, expectedEventType, body, out failure);
        return webhookEvent is not null;
    }

    WebhookEvent IWebhookParser.Parse(ReadOnlySpan<byte> body, string? expectedEventType) => Parse(body, expectedEventType);

    bool IWebhookParser.TryParseOwned([NotNullWhen(true)] byte[]? body, [NotNullWhen(true)] out WebhookEvent? webhookEvent, [NotNullWhen(false)] out WebhookParseError? failure, string? expectedEventType)
    {
        bool parsed = TryParseOwned(body, out TEvent? typed, out failure, expectedEventType);
        webhookEvent = typed;
        return parsed;
    }

    bool IWebhookParser.TryParse(ReadOnlySpan<byte> body, [NotNullWhen(true)] out WebhookEvent? webhookEvent, [NotNullWhen(false)] out WebhookParseError? failure, string? expectedEventType)
    {
        bool parsed = TryParse(body, out TEvent? typed, out failure, expectedEventType);
        webhookEvent = typed;
        return parsed;
    }

    private TEvent? ParseCore(ReadOnlySpan<byte> body, string? expectedEventType, byte[]? ownedCopy, out WebhookParseError? error)
    {
        error = null;
        if (body.Length > MaxBodyBytes)
        {
            error = TooLarge();
            return null;
        }

        int offset = body.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        body = body[offset..];
        if (body.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            error = new WebhookParseError(WebhookParseErrorReason.EmptyBody, "The body is empty.");
            return null;
        }

        // Utf8JsonReader only checks UTF-8 in strings it decodes; free-form members would carry invalid bytes
        // to the caller's code, which would throw there. Checking up front is vectorised and cheap.
        if (!Utf8.IsValid(body))
        {
            error = InvalidUtf8(eventType: null);
            return null;
        }

        // Where the discriminator sits decides the route: first (most providers) is found exactly without the
        // tokenizer; among the last members (Canopy) it is guessed, and the guess is kept only if a strict read
        // of that event proves it; anywhere else, the full scan finds it.
        var path = _catalog.Discriminator.Utf8Path;
        ScanResult scan;
        WebhookEventCatalog<TEvent>.Match? match;
        string eventType;
        ReadOnlyMemory<byte> raw = default;
        if (!(UseShortcuts && JsonMemberShortcuts.TryFindLeading(body, path, MaxDepth, out scan)))
        {
            if (UseShortcuts
                && path.Length == 1
                && JsonMemberShortcuts.TryFindTrailing(body, path[0], out scan)
                && TryResolve(body, scan, expectedEventType, out match, out eventType, out _)
                && match is { Kind: WebhookEventMatch.Exact or WebhookEventMatch.Alias })
            {
                raw = PrivateCopy(body, ownedCopy, offset);
                if (TryReadGuessed(raw, match, eventType) is { } guessed)
                {
                    return guessed;
                }
            }

            if (!TryScan(body, out scan, out error))
            {
                return null;
            }
        }

        if (!TryResolve(body, scan, expectedEventType, out match, out eventType, out error))
        {
            return null;
        }

        if (raw.IsEmpty)
        {
            raw = PrivateCopy(body, ownedCopy, offset);
        }

        string? reported = ReportableEventType(match, eventType, expectedEventType);
        try
        {
            var webhookEvent = ReadEvent(raw.Span, match, eventType, _readerOptions);
            webhookEvent.SetDelivery(eventType, match?.Kind ?? WebhookEventMatch.Unknown, raw, IdempotencyKeyOf(webhookEvent, raw.Span), match?.Descriptor.Index ?? _catalog.UnknownIndex);
            return webhookEvent;
        }
        catch (SchemaViolationException) when (match?.Kind is WebhookEventMatch.VersionFallback or WebhookEventMatch.Inferred)
        {
            // A guess (another version, or a shape without a discriminator) that does not fit is not that event.
            return match.Kind == WebhookEventMatch.Inferred
                ? ParseUnknown(raw, string.Empty, reportedEventType: null, out error)
                : ParseUnknown(raw, eventType, reported, out error);
        }
        catch (SchemaViolationException e)
        {
            error = new WebhookParseError(WebhookParseErrorReason.SchemaMismatch, e.Message, reported, e.JsonPath);
        }
        catch (JsonException e)
        {
            error = Malformed(raw.Span, e, reported);
        }
        catch (InvalidOperationException)
        {
            error = InvalidUtf8(reported);
        }

        return null;
    }

    private bool TryScan(ReadOnlySpan<byte> body, out ScanResult scan, out WebhookParseError? error)
    {
        error = null;
        try
        {
            scan = JsonMemberScanner.Scan(body, _catalog.Discriminator.Utf8Path, _readerOptions);
            return true;
        }
        catch (JsonException e)
        {
            error = Malformed(body, e, eventType: null);
        }
        catch (InvalidOperationException)
        {
            error = InvalidUtf8(eventType: null);
        }

        scan = default;
        return false;
    }

    /// <summary>
    /// Reads a known event whose discriminator was guessed from the body's last members. Success proves the
    /// guess (the body is one object without comments, and the converter rejects a second discriminator), so
    /// the result is the one the full scan would give; null means "not proven", and the caller scans.
    /// </summary>
    private TEvent? TryReadGuessed(ReadOnlyMemory<byte> raw, WebhookEventCatalog<TEvent>.Match match, string eventType)
    {
        try
        {
            var webhookEvent = ReadEvent(raw.Span, match, eventType, _strictReaderOptions);
            webhookEvent.SetDelivery(eventType, match.Kind, raw, IdempotencyKeyOf(webhookEvent, raw.Span), match.Descriptor.Index);
            return webhookEvent;
        }
        catch (Exception e) when (e is SchemaViolationException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private TEvent ReadEvent(ReadOnlySpan<byte> raw, WebhookEventCatalog<TEvent>.Match? match, string eventType, JsonReaderOptions readerOptions)
    {
        var reader = new Utf8JsonReader(raw, readerOptions);
        reader.Read();
        var webhookEvent = match is null
            ? _catalog.CreateUnknown(eventType, JsonElement.ParseValue(ref reader))
            : match.Descriptor.Read(ref reader, _serializerOptions);

        // Anything but whitespace (or, when allowed, comments) after the object is malformed.
        reader.Read();
        return webhookEvent;
    }

    /// <summary>A private copy: the caller's buffer may be pooled and reused after parsing returns.</summary>
    private static ReadOnlyMemory<byte> PrivateCopy(ReadOnlySpan<byte> body, byte[]? ownedCopy, int offset)
    {
        if (ownedCopy is not null)
        {
            return ownedCopy.AsMemory(offset);
        }

        // Every byte is overwritten at once, so zeroing the array first would be wasted work.
        byte[] copy = GC.AllocateUninitializedArray<byte>(body.Length);
        body.CopyTo(copy);
        return copy;
    }

    private TEvent? ParseUnknown(ReadOnlyMemory<byte> raw, string eventType, string? reportedEventType, out WebhookParseError? error)
    {
        error = null;
        var reader = new Utf8JsonReader(raw.Span, _readerOptions);
        try
        {
            reader.Read();
            var webhookEvent = _catalog.CreateUnknown(eventType, JsonElement.ParseValue(ref reader));
            reader.Read();
            webhookEvent.SetDelivery(eventType, WebhookEventMatch.Unknown, raw, IdempotencyKeyOf(webhookEvent, raw.Span), _catalog.UnknownIndex);
            return webhookEvent;
        }
        catch (JsonException e)
        {
            error = Malformed(raw.Span, e, reportedEventType);
        }
        catch (InvalidOperationException)
        {
            error = InvalidUtf8(reportedEventType);
        }

        return null;
    }

    private bool TryResolve(
        ReadOnlySpan<byte> body,
        in ScanResult scan,
        string? expectedEventType,
        out WebhookEventCatalog<TEvent>.Match? match,
        out string eventType,
        out WebhookParseError? error)
    {
        match = null;
        eventType = string.Empty;
        error = null;
        switch (scan.Status)
        {
            case ScanStatus.Empty:
                error = new WebhookParseError(WebhookParseErrorReason.EmptyBody, "The body holds no JSON value.");
                return false;
            case ScanStatus.NotAnObject:
                error = new WebhookParseError(WebhookParseErrorReason.NotAnObject, $"The body is {JsonTokenNames.WithArticle(scan.TokenType)}, not a JSON object.");
                return false;
            case ScanStatus.Missing:
            case ScanStatus.InvalidType when scan.TokenType == JsonTokenType.Null && _catalog.Discriminator.IsOptional:
                // Where the discriminator is optional, "eventType": null says no more than leaving it out does.
                if (expectedEventType is not null)
                {
                    match = _catalog.Find(Encoding.UTF8.GetBytes(expectedEventType));
                    eventType = expectedEventType;
                    if (match is not null)
                    {
                        match = new WebhookEventCatalog<TEvent>.Match(match.Descriptor, WebhookEventMatch.ExpectedEventType);
                    }

                    return true;
                }

                if (_catalog.Discriminator.IsOptional)
                {
                    match = _catalog.Infer(body, _readerOptions);
                    eventType = match?.Descriptor.EventType ?? string.Empty;
                    return true;
                }

                // The scan stopped at the end of the root object: malformed content after it wins over "missing".
                error = TrailingContentError(body) ?? new WebhookParseError(WebhookParseErrorReason.MissingDiscriminator, $"The body has no discriminator at {_catalog.Discriminator}.");
                return false;
            case ScanStatus.InvalidType:
                error = new WebhookParseError(WebhookParseErrorReason.InvalidDiscriminatorType, $"The discriminator {_catalog.Discriminator} is {JsonTokenNames.WithArticle(scan.TokenType)}, not a string.");
                return false;
        }

        var value = scan.Value(body);
        match = _catalog.Find(value);
        eventType = match is { Kind: WebhookEventMatch.Exact } ? match.Descriptor.EventType : Encoding.UTF8.GetString(value);
        if (expectedEventType is not null && !IsSameEvent(match, eventType, expectedEventType))
        {
            string? named = ReportableEventType(match, eventType, expectedEventType);
            string message = named is null
                ? $"The body names an event type this SDK does not know, but '{expectedEventType}' was expected."
                : $"The body is a '{named}' event but '{expectedEventType}' was expected.";
            error = new WebhookParseError(WebhookParseErrorReason.UnexpectedEventType, message, named);
            return false;
        }

        return true;
    }

    private WebhookParseError? TrailingContentError(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, _readerOptions);
        try
        {
            reader.Read();
            reader.Skip();
            reader.Read();
            return null;
        }
        catch (JsonException e)
        {
            return Malformed(body, e, eventType: null);
        }
    }

    /// <summary>
    /// The provider's deduplication id: from the event's typed members when its schema types them (the converter
    /// has read it already), otherwise from the body, which is known to be well-formed by now.
    /// </summary>
    private string? IdempotencyKeyOf(TEvent webhookEvent, ReadOnlySpan<byte> body)
    {
        var path = _catalog.IdempotencyKeyPath;
        if (path.Length == 0)
        {
            return null;
        }

        if (UseShortcuts && webhookEvent.TryGetTypedIdempotencyKey(out string? typed))
        {
            return typed;
        }

        if (!(UseShortcuts && JsonMemberShortcuts.TryFindLeading(body, path, MaxDepth, out var scan)))
        {
            scan = JsonMemberScanner.Scan(body, path, _readerOptions);
        }

        return scan.Status == ScanStatus.Found ? Encoding.UTF8.GetString(scan.Value(body)) : null;
    }

    /// <summary>
    /// The event type an error may name (<see cref="WebhookParseError.EventType"/>, its message, logs, the HTTP answer):
    /// one of this provider's own names, or the one the caller passed; never text only the body chose, which could
    /// be anything (personal data, megabytes). A version fallback is a known name plus a version, kept when the
    /// version is short.
    /// </summary>
    private static string? ReportableEventType(WebhookEventCatalog<TEvent>.Match? match, string eventType, string? expectedEventType) => match?.Kind switch
    {
        null => string.Equals(eventType, expectedEventType, StringComparison.Ordinal) ? expectedEventType : null,
        WebhookEventMatch.VersionFallback => eventType.Length - VersionedEventType.BaseName(eventType).Length <= MaxReportedVersionSuffixLength ? eventType : null,
        WebhookEventMatch.Inferred => match.Descriptor.EventType,
        _ => eventType,
    };

    private bool IsSameEvent(WebhookEventCatalog<TEvent>.Match? match, string eventType, string expectedEventType)
    {
        var expected = _catalog.Find(Encoding.UTF8.GetBytes(expectedEventType));
        return match is null || expected is null
            ? string.Equals(eventType, expectedEventType, StringComparison.Ordinal)
            : ReferenceEquals(match.Descriptor, expected.Descriptor);
    }

    private async ValueTask<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        // One byte past the limit proves the body too large, so no read asks for more than that: the pool hands
        // out arrays rounded up to a power of two, and filling one would read up to twice the limit.
        int readLimit = MaxBodyBytes == int.MaxValue ? int.MaxValue : MaxBodyBytes + 1;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Min(readLimit, 16 * 1024));
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(readLimit, 2L * buffer.Length));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = await body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, readLimit) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
                if (length > MaxBodyBytes)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Utf8JsonReader reports invalid UTF-8 inside a string it is asked to decode with InvalidOperationException.
    private static WebhookParseError InvalidUtf8(string? eventType) =>
        new(WebhookParseErrorReason.MalformedJson, "The body contains invalid UTF-8.", eventType);

    // Like the framework's TryParse methods, a null input is a failed parse rather than an exception.
    private static WebhookParseError NullBody() =>
        new(WebhookParseErrorReason.EmptyBody, "The body is null.");

    private WebhookParseError TooLarge() =>
        new(WebhookParseErrorReason.BodyTooLarge, $"The body is larger than the {MaxBodyBytes}-byte limit.");

    private WebhookParseError Malformed(ReadOnlySpan<byte> body, JsonException e, string? eventType) =>
        ExceedsMaxDepth(body)
            ? new WebhookParseError(WebhookParseErrorReason.MaxDepthExceeded, $"The JSON nests deeper than the limit of {MaxDepth}.", eventType, lineNumber: e.LineNumber, bytePositionInLine: e.BytePositionInLine)
            : new WebhookParseError(WebhookParseErrorReason.MalformedJson, "The body is not well-formed JSON.", eventType, lineNumber: e.LineNumber, bytePositionInLine: e.BytePositionInLine);

    /// <summary>Error path only: tells a too-deep body from a broken one by reading it again without the depth limit.</summary>
    private bool ExceedsMaxDepth(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, WebhookJsonDefaults.ReaderOptions(int.MaxValue));
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth >= MaxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            return reader.CurrentDepth >= MaxDepth;
        }

        return false;
    }
}
