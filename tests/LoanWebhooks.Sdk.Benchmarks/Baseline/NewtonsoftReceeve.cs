using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LoanWebhooks.Sdk.Benchmarks.Baseline;

/// <summary>Hand-written Newtonsoft POCOs for receeve (the comparison baseline, not SDK types).</summary>
public static class NewtonsoftReceeve
{
    public static object? Parse(string body)
    {
        var json = JObject.Parse(body);
        return (string?)json.SelectToken("payload.details.messageType") switch
        {
            "event.claim.created.v1" => json.ToObject<ClaimCreated>(),
            _ => json,
        };
    }

    public sealed class ClaimCreated
    {
        [JsonProperty("payload")] public ClaimCreatedPayload? Payload { get; set; }
        [JsonProperty("signature")] public string? Signature { get; set; }
    }

    public sealed class ClaimCreatedPayload
    {
        [JsonProperty("details")] public ClaimCreatedDetails? Details { get; set; }
        [JsonProperty("messageId")] public string? MessageId { get; set; }
        [JsonProperty("timestamp")] public DateTimeOffset Timestamp { get; set; }
        [JsonProperty("user")] public User? User { get; set; }
    }

    public sealed class ClaimCreatedDetails
    {
        [JsonProperty("messageType")] public string? MessageType { get; set; }
        [JsonProperty("accountReference")] public string? AccountReference { get; set; }
        [JsonProperty("claimRef")] public string? ClaimRef { get; set; }
        [JsonProperty("receeveClaimRef")] public string? ReceeveClaimRef { get; set; }
        [JsonProperty("amount")] public long Amount { get; set; }
        [JsonProperty("currency")] public string? Currency { get; set; }
        [JsonProperty("dueDate")] public DateTime DueDate { get; set; }
    }

    public sealed class User
    {
        [JsonProperty("id")] public string? Id { get; set; }
        [JsonProperty("poolId")] public string? PoolId { get; set; }
        [JsonProperty("originator")] public string? Originator { get; set; }
        [JsonProperty("email")] public string? Email { get; set; }
    }
}
