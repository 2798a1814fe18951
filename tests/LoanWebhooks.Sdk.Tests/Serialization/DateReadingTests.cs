using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Serialization;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Serialization;

/// <summary>
/// The hand-written yyyy-MM-dd reader accepts exactly what DateOnly.TryParseExact with that format accepts; a
/// date-time whose UTC instant DateTimeOffset cannot hold says so instead of blaming the format.
/// </summary>
public sealed class DateReadingTests
{
    [Theory]
    [InlineData("2024-01-09")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2024-02-29")]
    [InlineData("2023-02-29")]
    [InlineData("1900-02-29")]
    [InlineData("2000-02-29")]
    [InlineData("0000-01-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-13-10")]
    [InlineData("2024-04-31")]
    [InlineData("2024-01-00")]
    [InlineData("2024-1-09")]
    [InlineData("2024-01-9")]
    [InlineData("02024-01-09")]
    [InlineData("2024-01-09 ")]
    [InlineData(" 2024-01-09")]
    [InlineData("2024/01/09")]
    [InlineData("2024-01-09T00:00:00Z")]
    [InlineData("２０２４-01-09")]
    [InlineData("")]
    public void Accepts_exactly_what_the_framework_parser_accepts(string text)
    {
        AssertSameAsFramework(text);
    }

    [Fact]
    public void Random_date_like_strings_are_judged_as_the_framework_parser_judges_them()
    {
        var random = new Random(20261123);
        const string Alphabet = "0123456789-0123456789-+ T:/Z٣";
        for (int i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder(i % 3 == 0 ? "2024-06-15" : string.Empty);
            for (int length = 8 + random.Next(5); text.Length < length;)
            {
                text.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            if (i % 3 == 0)
            {
                text[random.Next(text.Length)] = Alphabet[random.Next(Alphabet.Length)];
            }

            AssertSameAsFramework(text.ToString());
        }
    }

    [Fact]
    public void Reads_an_escaped_date_like_an_unescaped_one()
    {
        var reader = new Utf8JsonReader("\"2024\\u002d01-09\""u8);
        reader.Read();

        Assert.Equal(new DateOnly(2024, 1, 9), JsonValueReaders.ReadDate(ref reader));
    }

    [Theory]
    [InlineData("9999-12-31 23:59:59-08")]
    [InlineData("9999-12-31 23:59:59-0800")]
    [InlineData("9999-12-31T23:59:59-08:00")]
    [InlineData("9999-12-31T20:00:00.5-04:00")]
    [InlineData("0001-01-01 00:00:00+01")]
    [InlineData("0001-01-01T00:30:00+01:00")]
    public void A_date_time_whose_utc_instant_is_out_of_range_fails_as_out_of_range_not_as_a_bad_format(string text)
    {
        var exception = ReadDateTimeOffsetFailure(text);

        Assert.Contains("out of range", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(text[..4], exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12-31 23:59:59")]
    [InlineData("9999-12-31 23:59:59-15")]
    [InlineData("9999-12-32 23:59:59-08")]
    [InlineData("yesterday-08")]
    [InlineData("2023-06-27 14:02:48\ud800")]
    public void A_date_time_that_is_not_one_fails_as_a_bad_format(string text)
    {
        var exception = ReadDateTimeOffsetFailure(text);

        Assert.Equal("Expected an ISO 8601 date-time with a UTC offset.", exception.Message);
    }

    [Theory]
    [InlineData("9999-12-31 11:59:59+00")]
    [InlineData("9999-12-31 15:59:59-08")]
    [InlineData("0001-01-01 01:00:00+01")]
    public void A_sentinel_whose_utc_instant_is_in_range_is_read(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("\"" + text + "\""));
        reader.Read();

        var value = JsonValueReaders.ReadDateTimeOffset(ref reader);

        Assert.Equal(DateTimeOffset.ParseExact(text, "yyyy-MM-dd HH:mm:sszz", CultureInfo.InvariantCulture), value);
    }

    private static SchemaViolationException ReadDateTimeOffsetFailure(string text)
    {
        byte[] json = Encoding.UTF8.GetBytes("\"" + text + "\"");
        try
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            JsonValueReaders.ReadDateTimeOffset(ref reader);
        }
        catch (SchemaViolationException e)
        {
            return e;
        }

        throw new Xunit.Sdk.XunitException($"'{text}' was read as a date-time.");
    }

    private static void AssertSameAsFramework(string text)
    {
        bool expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expectedValue);

        bool fromChars = JsonValueReaders.TryParseDate(text.AsSpan(), out var charsValue);
        bool fromBytes = JsonValueReaders.TryParseDate(Encoding.UTF8.GetBytes(text).AsSpan(), out var bytesValue);

        Assert.True(expected == fromChars && expected == fromBytes, $"'{text}': framework {expected}, chars {fromChars}, bytes {fromBytes}");
        Assert.Equal(expectedValue, charsValue);
        Assert.Equal(expectedValue, bytesValue);
    }
}
