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
/// A provider's discriminated-union parser, in named stages: check the body's limits →
/// locate the discriminator (one tokenizer pass that skips every other value) → resolve the event type → read the
/// event with its generated converter (or as the unknown event) into a typed, immutable event that keeps a private
/// copy of the raw body. Each stage returns its outcome; none decides by exception. Generated per provider
/// (<c>PayitoffWebhookParser</c>, …).
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
    /// False turns off the parser's one fast path, <see cref="TryReadWithGuessedDiscriminator"/>, leaving the plain
    /// stages that <c>ShortcutEquivalenceTests</c> compare it with.
    /// </summary>
    // Stryker disable once Boolean : equivalent. It only decides whether the shortcut is tried; when it is not, the plain stages give the same result (ShortcutEquivalenceTests compare the two over every sample and thousands of generated bodies).
    internal bool GuessesTrailingDiscriminator { get; init; } = true;

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

    /// <summary>
    /// The parse: check the body → locate the discriminator → resolve the event type → read the event. Each stage
    /// returns its outcome; the first error ends the parse. Before the plain stages, the one fast path
    /// (<see cref="TryReadWithGuessedDiscriminator"/>) may answer with the same result sooner.
    /// </summary>
    private TEvent? ParseCore(ReadOnlySpan<byte> body, string? expectedEventType, byte[]? ownedCopy, out WebhookParseError? error)
    {
        error = CheckBody(body, out int offset);
        if (error is not null)
        {
            return null;
        }

        body = body[offset..];
        if (GuessesTrailingDiscriminator && TryReadWithGuessedDiscriminator(body, expectedEventType, ownedCopy, offset) is { } guessed)
        {
            return guessed;
        }

        DiscriminatorLocation location = LocateDiscriminator(body);
        if (location.Error is not null)
        {
            error = location.Error;
            return null;
        }

        ResolvedEventType resolved = ResolveEventType(body, location.Scan, expectedEventType);
        if (resolved.Error is not null)
        {
            error = resolved.Error;
            return null;
        }

        ReadOnlyMemory<byte> raw = PrivateCopy(body, ownedCopy, offset);
        string? reported = ReportableEventType(resolved.Match, resolved.EventType, expectedEventType);
        EventRead read = ReadEvent(raw, resolved.Match, resolved.EventType, reported, _readerOptions);
        if (read.DoesNotFitSchema && resolved.Match?.Kind is WebhookEventMatch.VersionFallback or WebhookEventMatch.Inferred)
        {
            // A guess (another version, or a shape without a discriminator) that does not fit is not that event:
            // the body is kept as an unknown event, under the type it named (an inferred one named none).
            read = resolved.Match.Kind == WebhookEventMatch.Inferred
                ? ReadEvent(raw, match: null, string.Empty, reportedEventType: null, _readerOptions)
                : ReadEvent(raw, match: null, resolved.EventType, reported, _readerOptions);
        }

        error = read.Error;
        return read.Event;
    }

    /// <summary>Stage 0, the limits: size, then (after a UTF-8 byte order mark, which is skipped) not empty and valid UTF-8.</summary>
    private WebhookParseError? CheckBody(ReadOnlySpan<byte> body, out int offset)
    {
        offset = 0;
        if (body.Length > MaxBodyBytes)
        {
            return TooLarge();
        }

        offset = body.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        body = body[offset..];
        if (body.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            return new WebhookParseError(WebhookParseErrorReason.EmptyBody, "The body is empty.");
        }

        // Utf8JsonReader only checks UTF-8 in strings it decodes; free-form members would carry invalid bytes
        // to the caller's code, which would throw there. Checking up front is vectorised and cheap.
        return Utf8.IsValid(body) ? null : InvalidUtf8(eventType: null);
    }

    /// <summary>
    /// The fast path, for a discriminator among the body's last members (Canopy's <c>event</c> after a large
    /// <c>data</c>): guess it without the tokenizer (<see cref="JsonMemberGuess"/>) and read the event it names with a
    /// reader that rejects comments. Only a successful read is kept: it proves the body is one comment-free object
    /// without duplicate members (the generated converters reject duplicates), and in such a body the guess is the
    /// member the scan would find, so the result is the plain stages' result. Null sends the body down the plain stages.
    /// </summary>
    /// <remarks>
    /// It saves one tokenizer pass over the body: for a 6.8 KB Canopy <c>account_update</c>, about a fifth of the
    /// host's CPU time per request end to end (docs/performance.md).
    /// </remarks>
    private TEvent? TryReadWithGuessedDiscriminator(ReadOnlySpan<byte> body, string? expectedEventType, byte[]? ownedCopy, int offset)
    {
        byte[][] path = _catalog.Discriminator.Utf8Path;
        // Stryker disable once Equality,Boolean : equivalent. The condition only decides whether the shortcut is tried; when it is not, the plain stages give the same result (ShortcutEquivalenceTests compare the two over every sample and thousands of generated bodies).
        if (path.Length != 1 || !JsonMemberGuess.TryFindTrailing(body, path[0], out ScanResult guess))
        {
            return null;
        }

        ResolvedEventType resolved = ResolveEventType(body, guess, expectedEventType);
        // Stryker disable once Logical : equivalent. The pattern only decides whether the shortcut is tried; when it is not, the plain stages give the same result (ShortcutEquivalenceTests compare the two over every sample and thousands of generated bodies).
        if (resolved.Match is not { Kind: WebhookEventMatch.Exact or WebhookEventMatch.Alias })
        {
            return null;
        }

        return ReadEvent(PrivateCopy(body, ownedCopy, offset), resolved.Match, resolved.EventType, reportedEventType: null, _strictReaderOptions).Event;
    }

    /// <summary>Stage 1: where the discriminator's string is, or why there is none (<see cref="ScanResult.Status"/>); an error only for a body that is not JSON up to it.</summary>
    private DiscriminatorLocation LocateDiscriminator(ReadOnlySpan<byte> body)
    {
        try
        {
            return new(JsonMemberScanner.Scan(body, _catalog.Discriminator.Utf8Path, _readerOptions), Error: null);
        }
        catch (JsonException e)
        {
            return new(default, Malformed(body, e, eventType: null));
        }
        catch (InvalidOperationException)
        {
            return new(default, InvalidUtf8(eventType: null));
        }
    }

    /// <summary>
    /// Stage 2: which event the discriminator names (exact, alias, another version), or, without one, the event the
    /// caller expects or the only one whose shape fits; no match is the unknown event. An error when the body is no
    /// object, the discriminator is missing or not a string, or the event is not the expected one.
    /// </summary>
    private ResolvedEventType ResolveEventType(ReadOnlySpan<byte> body, in ScanResult scan, string? expectedEventType)
    {
        switch (scan.Status)
        {
            case ScanStatus.Empty:
                return Unresolved(new WebhookParseError(WebhookParseErrorReason.EmptyBody, "The body holds no JSON value."));
            case ScanStatus.NotAnObject:
                return Unresolved(new WebhookParseError(WebhookParseErrorReason.NotAnObject, $"The body is {JsonTokenNames.WithArticle(scan.TokenType)}, not a JSON object."));
            case ScanStatus.Missing:
            case ScanStatus.InvalidType when scan.TokenType == JsonTokenType.Null && _catalog.Discriminator.IsOptional:
                // Where the discriminator is optional, "eventType": null says no more than leaving it out does.
                if (expectedEventType is not null)
                {
                    var expected = _catalog.Find(Encoding.UTF8.GetBytes(expectedEventType));
                    return new(expected is null ? null : new WebhookEventCatalog<TEvent>.Match(expected.Descriptor, WebhookEventMatch.ExpectedEventType), expectedEventType, Error: null);
                }

                if (_catalog.Discriminator.IsOptional)
                {
                    var inferred = _catalog.Infer(body, _readerOptions);
                    return new(inferred, inferred?.Descriptor.EventType ?? string.Empty, Error: null);
                }

                // The scan stopped at the end of the root object: malformed content after it wins over "missing".
                return Unresolved(TrailingContentError(body) ?? new WebhookParseError(WebhookParseErrorReason.MissingDiscriminator, $"The body has no discriminator at {_catalog.Discriminator}."));
            case ScanStatus.InvalidType:
                return Unresolved(new WebhookParseError(WebhookParseErrorReason.InvalidDiscriminatorType, $"The discriminator {_catalog.Discriminator} is {JsonTokenNames.WithArticle(scan.TokenType)}, not a string."));
        }

        var value = scan.Value(body);
        var match = _catalog.Find(value);
        string eventType = match is { Kind: WebhookEventMatch.Exact } ? match.Descriptor.EventType : Encoding.UTF8.GetString(value);
        if (expectedEventType is not null && !IsSameEvent(match, eventType, expectedEventType))
        {
            string? named = ReportableEventType(match, eventType, expectedEventType);
            string message = named is null
                ? $"The body names an event type this SDK does not know, but '{expectedEventType}' was expected."
                : $"The body is a '{named}' event but '{expectedEventType}' was expected.";
            return Unresolved(new WebhookParseError(WebhookParseErrorReason.UnexpectedEventType, message, named));
        }

        return new(match, eventType, Error: null);

        static ResolvedEventType Unresolved(WebhookParseError error) => new(null, string.Empty, error);
    }

    /// <summary>
    /// Stage 3: the event, read from the private copy by its generated converter (or, with no <paramref name="match"/>,
    /// as the unknown event) and stamped with its delivery details. Errors name only <paramref name="reportedEventType"/>.
    /// </summary>
    private EventRead ReadEvent(
        ReadOnlyMemory<byte> raw, WebhookEventCatalog<TEvent>.Match? match, string eventType, string? reportedEventType, JsonReaderOptions readerOptions)
    {
        var reader = new Utf8JsonReader(raw.Span, readerOptions);
        try
        {
            reader.Read();
            var webhookEvent = match is null
                ? _catalog.CreateUnknown(eventType, JsonElement.ParseValue(ref reader))
                : match.Descriptor.Read(ref reader, _serializerOptions);

            // Anything but whitespace (or, when allowed, comments) after the object is malformed.
            reader.Read();
            webhookEvent.SetDelivery(eventType, match?.Kind ?? WebhookEventMatch.Unknown, raw, IdempotencyKeyOf(webhookEvent, raw.Span), match?.Descriptor.Index ?? _catalog.UnknownIndex);
            return new(webhookEvent, Error: null, DoesNotFitSchema: false);
        }
        catch (SchemaViolationException e)
        {
            return new(null, new WebhookParseError(WebhookParseErrorReason.SchemaMismatch, e.Message, reportedEventType, e.JsonPath), DoesNotFitSchema: true);
        }
        catch (JsonException e)
        {
            return new(null, Malformed(raw.Span, e, reportedEventType), DoesNotFitSchema: false);
        }
        catch (InvalidOperationException)
        {
            return new(null, InvalidUtf8(reportedEventType), DoesNotFitSchema: false);
        }
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
    /// The provider's deduplication id: from the event's typed members when its schema types them (the converter has
    /// read it already), otherwise by <see cref="ScanIdempotencyKey"/>.
    /// </summary>
    private string? IdempotencyKeyOf(TEvent webhookEvent, ReadOnlySpan<byte> body)
    {
        // Stryker disable once Block : equivalent. Without an id path no schema types an id, and ScanIdempotencyKey answers null for an empty path as well.
        if (_catalog.IdempotencyKeyPath.Length == 0)
        {
            return null;
        }

        return webhookEvent.TryGetTypedIdempotencyKey(out string? typed) ? typed : ScanIdempotencyKey(body);
    }

    /// <summary>
    /// The deduplication id read from a well-formed body by the scan: the plain route, which <c>ShortcutEquivalenceTests</c>
    /// compare the typed id with.
    /// </summary>
    internal string? ScanIdempotencyKey(ReadOnlySpan<byte> body)
    {
        var path = _catalog.IdempotencyKeyPath;
        // Stryker disable once Block : equivalent. Only the body of a parsed event (a well-formed object) comes here, and an empty path's scan answers Missing: null as well.
        if (path.Length == 0)
        {
            return null;
        }

        var scan = JsonMemberScanner.Scan(body, path, _readerOptions);
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
                    // Stryker disable once Statement : equivalent. Memory only: a buffer not returned to the shared pool is collected instead, and no later rent can see the difference.
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
            // Stryker disable once Statement : equivalent. Memory only: a buffer not returned to the shared pool is collected instead, and no later rent can see the difference.
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

    /// <summary>
    /// Error path only: tells a too-deep body from a broken one by reading it again without the depth limit. The
    /// limited reader refuses to open a container while <see cref="MaxDepth"/> are open, so the body is too deep when
    /// it opens a container at depth <see cref="MaxDepth"/>; a value inside the deepest allowed container is at that
    /// depth too, and is allowed.
    /// </summary>
    private bool ExceedsMaxDepth(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, WebhookJsonDefaults.ReaderOptions(int.MaxValue));
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error before any container too deep: the limited reader stopped at the same error.
            return false;
        }

        // Stryker disable once Boolean : equivalent. Reached only when the unlimited, lenient reader accepts the whole body, which the plain stages' reader (same options but the depth) accepted as well; only the fast path's comment-rejecting reader gets here, and it discards the error.
        return false;
    }

    /// <summary>Outcome of <see cref="LocateDiscriminator"/>: the scan, or the error that stopped it.</summary>
    private readonly record struct DiscriminatorLocation(ScanResult Scan, WebhookParseError? Error);

    /// <summary>Outcome of <see cref="ResolveEventType"/>: the match (null: the unknown event) and the event type, or the error.</summary>
    private readonly record struct ResolvedEventType(WebhookEventCatalog<TEvent>.Match? Match, string EventType, WebhookParseError? Error);

    /// <summary>Outcome of <see cref="ReadEvent"/>: the event, or the error and whether it was the schema (not the JSON) that the body broke.</summary>
    private readonly record struct EventRead(TEvent? Event, WebhookParseError? Error, bool DoesNotFitSchema);
}
