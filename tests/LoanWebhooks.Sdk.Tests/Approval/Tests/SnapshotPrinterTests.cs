using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Approval.Tests;

public sealed class SnapshotPrinterTests
{
    [Fact]
    public void Prints_a_parsed_event_graph_one_property_per_line()
    {
        var text = SnapshotPrinter.Print(SampleEventWithExtensionData());

        Assert.Equal(
            """
            SampleEvent
              Provider: Payitoff
              EventType: "borrower.delinquent"
              Data: SampleData
                Borrower: SampleBorrower
                  Uuid: "29847388-8c5a-4b4e-9d38-1f2a9c7e0b11"
                  FirstName: "Ada"
                  DateOfBirth: DateOnly 1815-12-10
                  ExtensionData:
                    [extension] nickname: JsonElement "Ada L."
                    [extension] score: JsonElement 712
                Servicer: null
                Loans: IReadOnlyList<SampleLoan> (2 items)
                  [0] SampleLoan
                    Balance: 12.340
                    InterestRate: 0.0525
                    IsDelinquent: true
                    ExtensionData: (none)
                  [1] SampleLoan
                    Balance: 100
                    InterestRate: null
                    IsDelinquent: false
                    ExtensionData:
                      [extension] rate_type: JsonElement {"kind":"fixed","terms":[12,24]}
                Tags: IReadOnlyList<String> (2 items)
                  [0] "late"
                  [1] "first-notice"
                Metadata: JsonElement {"b":1,"a":[true,null],"note":"O'Brien \"Ada\""}
                ExtensionData: (none)
              OccurredAt: DateTimeOffset 2023-01-30T13:23:00.4874110-05:00
              RawJson: 21 bytes

            """,
            text);
    }

    [Fact]
    public void Prints_only_the_length_of_raw_bytes_never_their_content()
    {
        var text = SnapshotPrinter.Print(new BytesHolder
        {
            Memory = "{\"ssn\":\"123-45-6789\"}"u8.ToArray(),
            Array = Encoding.UTF8.GetBytes("123-45-6789"),
            Single = new byte[1],
        });

        Assert.Equal("BytesHolder\n  Memory: 21 bytes\n  Array: 11 bytes\n  Single: 1 byte\n", text);
    }

    [Fact]
    public void Marks_a_reference_cycle_instead_of_recursing_forever()
    {
        var first = new Node { Name = "first" };
        var second = new Node { Name = "second", Next = first };
        first.Next = second;

        var text = SnapshotPrinter.Print(first);

        Assert.Equal("Node\n  Name: \"first\"\n  Next: Node\n    Name: \"second\"\n    Next: Node (cycle)\n", text);
    }

    [Fact]
    public void Prints_a_shared_object_twice_when_it_is_not_a_cycle()
    {
        var shared = new Node { Name = "shared" };

        var text = SnapshotPrinter.Print(new[] { shared, shared });

        Assert.Equal("Node[] (2 items)\n  [0] Node\n    Name: \"shared\"\n    Next: null\n  [1] Node\n    Name: \"shared\"\n    Next: null\n", text);
    }

    [Fact]
    public void Escapes_strings_like_json()
    {
        var text = SnapshotPrinter.Print("quote \" backslash \\ newline \n tab \t bell \u0007 café 😀");

        Assert.Equal("\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 café 😀\"\n", text);
    }

    [Fact]
    public void Formats_numbers_and_dates_with_the_invariant_culture_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var text = SnapshotPrinter.Print(new Numbers { Amount = 1234.50m, Rate = 0.25, Count = -3, On = new DateOnly(2021, 10, 7) });

            Assert.Equal("Numbers\n  Amount: 1234.50\n  Rate: 0.25\n  Count: -3\n  On: DateOnly 2021-10-07\n", text);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Sorts_dictionary_keys_ordinal_and_quotes_keys_that_are_not_simple()
    {
        var fees = new Dictionary<string, decimal> { ["b"] = 3m, ["late fee"] = 4m, ["B"] = 1m, ["a"] = 2m };

        var text = SnapshotPrinter.Print(new FeeTable { Fees = fees });

        Assert.Equal(
            "FeeTable\n  Fees: IReadOnlyDictionary<String, Decimal> (4 entries)\n    B: 1\n    a: 2\n    b: 3\n    \"late fee\": 4\n",
            text);
    }

    [Fact]
    public void Prints_none_for_null_and_empty_extension_data()
    {
        var text = SnapshotPrinter.Print(new[]
        {
            new SampleBorrower { Uuid = "1", FirstName = "A", ExtensionData = null },
            new SampleBorrower { Uuid = "2", FirstName = "B", ExtensionData = new Dictionary<string, JsonElement>() },
        });

        Assert.Equal(2, text.Split('\n').Count(line => line.EndsWith("ExtensionData: (none)", StringComparison.Ordinal)));
    }

    [Fact]
    public void Prints_null_and_undefined_json_element()
    {
        Assert.Equal("null\n", SnapshotPrinter.Print(null));
        Assert.Equal("JsonElement (undefined)\n", SnapshotPrinter.Print(default(JsonElement)));
    }

    [Fact]
    public void Overridden_property_keeps_its_base_class_position()
    {
        var text = SnapshotPrinter.Print(new DerivedShape { Extra = "x" });

        Assert.Equal("DerivedShape\n  Kind: \"derived\"\n  Id: 7\n  Extra: \"x\"\n", text);
    }

    [Fact]
    public void Shows_a_throwing_getter_instead_of_failing_the_whole_print()
    {
        var text = SnapshotPrinter.Print(new Throwing());

        Assert.Equal("Throwing\n  Fine: 1\n  Broken: (threw InvalidOperationException: not loaded)\n", text);
    }

    [Theory]
    [InlineData(typeof(IReadOnlyList<string>), "IReadOnlyList<String>")]
    [InlineData(typeof(IReadOnlyDictionary<string, IReadOnlyList<int?>>), "IReadOnlyDictionary<String, IReadOnlyList<Nullable<Int32>>>")]
    [InlineData(typeof(int[]), "Int32[]")]
    [InlineData(typeof(Dictionary<string, int>.KeyCollection), "KeyCollection")]
    public void Type_names_are_short_and_show_generic_arguments(Type type, string expected)
    {
        Assert.Equal(expected, SnapshotPrinter.TypeName(type));
    }

    [Fact]
    public void Finds_the_path_of_every_extension_data_entry()
    {
        var paths = SnapshotPrinter.FindExtensionData(SampleEventWithExtensionData());

        Assert.Equal(
            new[]
            {
                "Data.Borrower.ExtensionData.nickname",
                "Data.Borrower.ExtensionData.score",
                "Data.Loans[1].ExtensionData.rate_type",
            },
            paths);
    }

    [Fact]
    public void Finds_no_extension_data_when_every_field_was_mapped()
    {
        var sample = SampleEventWithExtensionData();
        var mapped = sample with
        {
            Data = sample.Data with
            {
                Borrower = sample.Data.Borrower with { ExtensionData = null },
                Loans = sample.Data.Loans.Select(loan => loan with { ExtensionData = new Dictionary<string, JsonElement>() }).ToList(),
            },
        };

        Assert.Empty(SnapshotPrinter.FindExtensionData(mapped));
    }

    [Fact]
    public void Quotes_extension_data_keys_that_are_not_simple_in_paths()
    {
        var borrower = new SampleBorrower
        {
            Uuid = "1",
            FirstName = "A",
            ExtensionData = JsonProperties("""{"middle name":"B"}"""),
        };

        Assert.Equal(new[] { "ExtensionData[\"middle name\"]" }, SnapshotPrinter.FindExtensionData(borrower));
    }

    private static SampleEvent SampleEventWithExtensionData() => new()
    {
        Provider = SampleProvider.Payitoff,
        EventType = "borrower.delinquent",
        Data = new SampleData
        {
            Borrower = new SampleBorrower
            {
                Uuid = "29847388-8c5a-4b4e-9d38-1f2a9c7e0b11",
                FirstName = "Ada",
                DateOfBirth = new DateOnly(1815, 12, 10),
                ExtensionData = JsonProperties("""{ "score": 712, "nickname": "Ada L." }"""),
            },
            Servicer = null,
            Loans =
            [
                new SampleLoan { Balance = 12.340m, InterestRate = 0.0525, IsDelinquent = true, ExtensionData = new Dictionary<string, JsonElement>() },
                new SampleLoan { Balance = 100m, InterestRate = null, IsDelinquent = false, ExtensionData = JsonProperties("""{"rate_type": { "kind": "fixed", "terms": [12, 24] }}""") },
            ],
            Tags = new[] { "late", "first-notice" },
            Metadata = JsonDocument.Parse("""{ "b": 1, "a": [ true, null ], "note": "O'Brien \"Ada\"" }""").RootElement.Clone(),
            ExtensionData = null,
        },
        OccurredAt = new DateTimeOffset(2023, 1, 30, 13, 23, 0, TimeSpan.FromHours(-5)).AddTicks(4874110),
        RawJson = "{\"ssn\":\"123-45-6789\"}"u8.ToArray(),
    };

    private static Dictionary<string, JsonElement> JsonProperties(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.Clone());
    }

    private enum SampleProvider
    {
        Canopy,
        Payitoff,
    }

    private abstract record SampleEventBase
    {
        public required SampleProvider Provider { get; init; }

        public required string EventType { get; init; }
    }

    private sealed record SampleEvent : SampleEventBase
    {
        public required SampleData Data { get; init; }

        public required DateTimeOffset OccurredAt { get; init; }

        public required ReadOnlyMemory<byte> RawJson { get; init; }
    }

    private sealed record SampleData
    {
        public required SampleBorrower Borrower { get; init; }

        public SampleServicer? Servicer { get; init; }

        public required IReadOnlyList<SampleLoan> Loans { get; init; }

        public required IReadOnlyList<string> Tags { get; init; }

        public required JsonElement Metadata { get; init; }

        public IReadOnlyDictionary<string, JsonElement>? ExtensionData { get; init; }
    }

    private sealed record SampleBorrower
    {
        public required string Uuid { get; init; }

        public required string FirstName { get; init; }

        public DateOnly? DateOfBirth { get; init; }

        public Dictionary<string, JsonElement>? ExtensionData { get; init; }
    }

    private sealed record SampleServicer(string Name);

    private sealed record SampleLoan
    {
        public required decimal Balance { get; init; }

        public double? InterestRate { get; init; }

        public required bool IsDelinquent { get; init; }

        public IReadOnlyDictionary<string, JsonElement>? ExtensionData { get; init; }
    }

    private sealed class BytesHolder
    {
        public ReadOnlyMemory<byte> Memory { get; init; }

        public byte[] Array { get; init; } = [];

        public byte[] Single { get; init; } = [];
    }

    private sealed class Node
    {
        public required string Name { get; init; }

        public Node? Next { get; set; }
    }

    private sealed record Numbers
    {
        public decimal Amount { get; init; }

        public double Rate { get; init; }

        public int Count { get; init; }

        public DateOnly On { get; init; }
    }

    private sealed record FeeTable
    {
        public required IReadOnlyDictionary<string, decimal> Fees { get; init; }
    }

    private class BaseShape
    {
        public virtual string Kind => "base";

        public int Id => 7;
    }

    private sealed class DerivedShape : BaseShape
    {
        public override string Kind => "derived";

        public string Extra { get; init; } = string.Empty;

        public string this[int index] => "indexers are skipped";
    }

    private sealed class Throwing
    {
        public int Fine => 1;

        public int Broken => throw new InvalidOperationException("not loaded");
    }
}
