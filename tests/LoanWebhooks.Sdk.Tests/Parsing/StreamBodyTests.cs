using System.IO;
using System.Text;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Tests.Approval;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>
/// <c>ParseAsync</c> reads a stream into pooled buffers that grow from 16 KiB: a body that outgrows the first buffer
/// arrives whole, and a parser without a practical size limit still sizes its buffers by the body, not by the limit.
/// </summary>
public sealed class StreamBodyTests
{
    // About 40 KB: the 16 KiB first buffer grows twice.
    private static readonly byte[] LargeBody = Encoding.UTF8.GetBytes(
        "{\"event_type\":\"connectivity.interrupted\",\"data\":{\"borrower_id\":\"b-1\",\"servicer_id\":\"s-1\",\"note\":\""
        + new string('n', 40_000) + "\"}}");

    private static readonly byte[] SmallBody = Encoding.UTF8.GetBytes(
        "{\"event_type\":\"connectivity.interrupted\",\"data\":{\"borrower_id\":\"b-1\",\"servicer_id\":\"s-1\"}}");

    [Fact]
    public async Task A_stream_larger_than_the_first_buffer_parses_to_the_same_event_as_its_bytes()
    {
        var parser = PayitoffWebhookParser.Default;

        var fromStream = await parser.ParseAsync(new MemoryStream(LargeBody));

        Assert.Equal(SnapshotPrinter.Print(parser.Parse(LargeBody)), SnapshotPrinter.Print(fromStream));
        Assert.Equal(LargeBody, fromStream.RawJson.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_a_practical_size_limit_a_stream_is_read_into_buffers_sized_by_the_body(bool large)
    {
        // A buffer as large as the limit would be 2 GiB, more than an array may hold.
        var parser = new PayitoffWebhookParser(new WebhookParserOptions { MaxBodyBytes = int.MaxValue });
        byte[] body = large ? LargeBody : SmallBody;

        var webhookEvent = await parser.ParseAsync(new MemoryStream(body));

        Assert.Equal(body, webhookEvent.RawJson.ToArray());
    }
}
