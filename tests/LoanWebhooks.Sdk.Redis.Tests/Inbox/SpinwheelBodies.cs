using System.Text;

namespace LoanWebhooks.Sdk.Redis.Tests.Inbox;

/// <summary>Spinwheel's documented USER_LIABILITIES_CONNECTED sample with a webhook id of the test's own.</summary>
public static class SpinwheelBodies
{
    public static byte[] LiabilitiesConnected(string webhookId) => Encoding.UTF8.GetBytes(
        "{\"eventType\":\"USER_LIABILITIES_CONNECTED\",\"userId\":\"3a35a0ba-9656-4b33-ac4f-2fa6dacae8a6\"," +
        "\"extUserId\":\"b1de1852-dc05-443a-8d13-bd81b4fdf006\",\"createdOn\":1708637591000,\"webhookId\":\"" + webhookId + "\"}");
}
