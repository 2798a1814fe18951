using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Serialization;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Serialization;

/// <summary>The hand-written yyyy-MM-dd reader accepts exactly what DateOnly.TryParseExact with that format accepts.</summary>
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
