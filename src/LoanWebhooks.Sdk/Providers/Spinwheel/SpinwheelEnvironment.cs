using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Spinwheel;

/// <summary>A Spinwheel environment, each of which sends webhooks from its own published addresses.</summary>
public enum SpinwheelEnvironment
{
    /// <summary>The sandbox: 34.203.72.127, 52.2.114.95 and 52.12.60.65.</summary>
    Sandbox = 1,

    /// <summary>Production: 44.232.30.137 and 3.230.55.249.</summary>
    Production = 2,
}
