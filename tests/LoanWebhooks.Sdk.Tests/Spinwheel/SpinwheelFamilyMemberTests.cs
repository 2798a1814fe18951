using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Spinwheel;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Spinwheel;

/// <summary>A family handler reads the members its events share without casting to each event.</summary>
public sealed class SpinwheelFamilyMemberTests
{
    [Theory]
    [InlineData("USER_PAYMENT_STATUS", "a564cbf8-8669-481d-ad4b-82843462b31c")]
    [InlineData("PLATFORM_PAYMENT_STATUS", "db21f285-42b5-4382-b177-42d027acb6e3")]
    public void Payment_events_expose_status_and_request_id_on_the_family_base(string eventType, string requestId)
    {
        SpinwheelPaymentEvent payment = Assert.IsAssignableFrom<SpinwheelPaymentEvent>(DocumentedSampleData.Parse(WebhookProvider.Spinwheel, eventType));

        Assert.Equal(SpinwheelPaymentStatus.Scheduled, payment.Status);
        Assert.Equal(requestId, payment.RequestId);
    }
}
