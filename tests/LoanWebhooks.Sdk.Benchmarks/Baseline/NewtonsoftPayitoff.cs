using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LoanWebhooks.Sdk.Benchmarks.Baseline;

/// <summary>
/// Hand-written POCOs as a user of Newtonsoft.Json would write them today: the thing the SDK is
/// compared against, not SDK types. They map the members the SDK's records map.
/// </summary>
public static class NewtonsoftPayitoff
{
    public static object? Parse(string body)
    {
        var json = JObject.Parse(body);
        return (string?)json["event_type"] switch
        {
            "loan.paid_off" => json.ToObject<LoanPaidOff>(),
            "borrower.delinquent" => json.ToObject<BorrowerDelinquent>(),
            _ => json,
        };
    }

    public sealed class LoanPaidOff
    {
        [JsonProperty("event_type")] public string? EventType { get; set; }
        [JsonProperty("data")] public LoanPaidOffData? Data { get; set; }
    }

    public sealed class LoanPaidOffData
    {
        [JsonProperty("borrower")] public Borrower? Borrower { get; set; }
        [JsonProperty("loan")] public Loan? Loan { get; set; }
    }

    public sealed class BorrowerDelinquent
    {
        [JsonProperty("event_type")] public string? EventType { get; set; }
        [JsonProperty("data")] public JObject? Data { get; set; }
    }

    public sealed class Borrower
    {
        [JsonProperty("id")] public long Id { get; set; }
        [JsonProperty("uuid")] public string? Uuid { get; set; }
        [JsonProperty("first_name")] public string? FirstName { get; set; }
        [JsonProperty("last_name")] public string? LastName { get; set; }
        [JsonProperty("email")] public string? Email { get; set; }
        [JsonProperty("phone")] public JToken? Phone { get; set; }
        [JsonProperty("date_of_birth")] public DateTime? DateOfBirth { get; set; }
        [JsonProperty("address")] public JToken? Address { get; set; }
        [JsonProperty("employer")] public string? Employer { get; set; }
        [JsonProperty("employer_start_date")] public DateTime? EmployerStartDate { get; set; }
        [JsonProperty("collecting_unemployment")] public bool? CollectingUnemployment { get; set; }
        [JsonProperty("financial_details")] public JToken? FinancialDetails { get; set; }
        [JsonProperty("income_certifications")] public List<IncomeCertification>? IncomeCertifications { get; set; }
        [JsonProperty("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonExtensionData] public IDictionary<string, JToken>? Extra { get; set; }
    }

    public sealed class IncomeCertification
    {
        [JsonProperty("id")] public long Id { get; set; }
        [JsonProperty("inserted_at")] public string? InsertedAt { get; set; }
        [JsonProperty("type")] public string? Type { get; set; }
    }

    public sealed class Loan
    {
        [JsonProperty("id")] public JToken? Id { get; set; }
        [JsonProperty("account_number")] public string? AccountNumber { get; set; }
        [JsonProperty("disbursement_dates")] public List<DateTime>? DisbursementDates { get; set; }
        [JsonProperty("created_at")] public DateTimeOffset? CreatedAt { get; set; }
        [JsonExtensionData] public IDictionary<string, JToken>? Extra { get; set; }
    }
}
