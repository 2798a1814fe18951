using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Redis;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Tests.Approval;
using PublicApiGenerator;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.PublicApi;

/// <summary>Any change to the public surface shows up as a snapshot diff that someone has to accept on purpose.</summary>
public sealed class PublicApiTests
{
    private static readonly ApiGeneratorOptions Options = new()
    {
        // Extension methods live in the framework's namespaces so they show up without a using; list them too.
        AllowNamespacePrefixes = new[] { "Microsoft.Extensions.DependencyInjection", "Microsoft.AspNetCore.Builder" },
        ExcludeAttributes = new[]
        {
            "System.Runtime.Versioning.TargetFrameworkAttribute",
            "System.Reflection.AssemblyMetadataAttribute",
            "System.CodeDom.Compiler.GeneratedCodeAttribute",
        },
    };

    [Fact]
    public void LoanWebhooks_Sdk_public_api_is_approved()
    {
        string api = typeof(WebhookEvent).Assembly.GeneratePublicApi(Options);

        Approvals.Verify(api, "LoanWebhooks.Sdk");
    }

    [Fact]
    public void LoanWebhooks_Sdk_AspNetCore_public_api_is_approved()
    {
        string api = typeof(LoanWebhooks.Sdk.AspNetCore.Background.WebhookBackgroundOptions).Assembly.GeneratePublicApi(Options);

        Approvals.Verify(api, "LoanWebhooks.Sdk.AspNetCore");
    }

    [Fact]
    public void LoanWebhooks_Sdk_Testing_public_api_is_approved()
    {
        string api = typeof(DocumentedSamples).Assembly.GeneratePublicApi(Options);

        Approvals.Verify(api, "LoanWebhooks.Sdk.Testing");
    }

    [Fact]
    public void LoanWebhooks_Sdk_Redis_public_api_is_approved()
    {
        string api = typeof(RedisWebhookIdempotencyStore).Assembly.GeneratePublicApi(Options);

        Approvals.Verify(api, "LoanWebhooks.Sdk.Redis");
    }
}
