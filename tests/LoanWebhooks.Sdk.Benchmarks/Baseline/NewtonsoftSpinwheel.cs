using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LoanWebhooks.Sdk.Benchmarks.Baseline;

/// <summary>Hand-written Newtonsoft POCOs for Spinwheel (the comparison baseline, not SDK types).</summary>
public static class NewtonsoftSpinwheel
{
    public static object? Parse(string body)
    {
        var json = JObject.Parse(body);
        return (string?)json["eventType"] switch
        {
            "USER_LIABILITIES_CONNECTED" => json.ToObject<UserLiabilitiesConnected>(),
            _ => json,
        };
    }

    public sealed class UserLiabilitiesConnected
    {
        [JsonProperty("eventType")] public string? EventType { get; set; }
        [JsonProperty("userId")] public string? UserId { get; set; }
        [JsonProperty("extUserId")] public string? ExtUserId { get; set; }
        [JsonProperty("createdOn")] public long CreatedOn { get; set; }
        [JsonProperty("webhookId")] public string? WebhookId { get; set; }
    }
}
