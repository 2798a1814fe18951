using System;
using System.Text;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Verification;

public sealed class BasicAuthenticationVerifierTests
{
    private const string UserName = "payitoff";
    private const string Password = "pa55-Word-7c6b5a";

    [Fact]
    public void Accepts_the_configured_user_name_and_password()
    {
        var verifier = CreateVerifier((UserName, Password));

        var result = verifier.Verify(TestRequests.WithBasicCredentials(UserName, Password));

        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Fact]
    public void Accepts_the_header_name_in_any_case()
    {
        var verifier = CreateVerifier((UserName, Password));
        var request = TestRequests.WithHeaders(("authorization", "Basic " + TestRequests.Base64($"{UserName}:{Password}")));

        var result = verifier.Verify(request);

        Assert.True(result.IsVerified);
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("BASIC")]
    [InlineData("bAsIc")]
    public void Accepts_the_scheme_in_any_case(string scheme)
    {
        var verifier = CreateVerifier((UserName, Password));

        var result = verifier.Verify(TestRequests.WithAuthorization($"{scheme} {TestRequests.Base64($"{UserName}:{Password}")}"));

        Assert.True(result.IsVerified);
    }

    [Theory]
    [InlineData("  Basic {0}  ")]
    [InlineData("Basic    {0}")]
    [InlineData("\tBasic\t{0}\t")]
    public void Tolerates_whitespace_around_scheme_and_token(string format)
    {
        var verifier = CreateVerifier((UserName, Password));
        string header = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, TestRequests.Base64($"{UserName}:{Password}"));

        var result = verifier.Verify(TestRequests.WithAuthorization(header));

        Assert.True(result.IsVerified);
    }

    [Fact]
    public void Rejects_wrong_password_as_invalid_credential()
    {
        var verifier = CreateVerifier((UserName, Password));

        var result = verifier.Verify(TestRequests.WithBasicCredentials(UserName, "wrong-password"));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Rejects_wrong_user_name_as_invalid_credential()
    {
        var verifier = CreateVerifier((UserName, Password));

        var result = verifier.Verify(TestRequests.WithBasicCredentials("someone-else", Password));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Rejects_a_user_name_paired_with_the_password_of_another_credential()
    {
        var verifier = CreateVerifier(("alice", "alice-Password-1"), ("bob", "bob-Password-2"));

        var result = verifier.Verify(TestRequests.WithBasicCredentials("alice", "bob-Password-2"));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Theory]
    [InlineData("pa55-Word-7c6b5")]
    [InlineData("pa55-Word-7c6b5a0")]
    [InlineData("p")]
    [InlineData("")]
    public void Rejects_a_password_that_is_a_prefix_or_extension_of_the_configured_one(string presented)
    {
        var verifier = CreateVerifier((UserName, Password));

        var result = verifier.Verify(TestRequests.WithBasicCredentials(UserName, presented));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Accepts_a_password_too_long_to_decode_on_the_stack()
    {
        string longPassword = new('k', 4_000);
        var verifier = CreateVerifier((UserName, longPassword));

        var result = verifier.Verify(TestRequests.WithBasicCredentials(UserName, longPassword));

        Assert.True(result.IsVerified);
    }

    [Fact]
    public void Accepts_a_password_containing_colons()
    {
        const string password = "a:b::c:";
        var verifier = CreateVerifier((UserName, password));

        var result = verifier.Verify(TestRequests.WithBasicCredentials(UserName, password));

        Assert.True(result.IsVerified);
    }

    [Fact]
    public void Accepts_a_unicode_password_sent_as_utf8()
    {
        const string password = "Pässwörd-€-密码-😀";
        var verifier = CreateVerifier((UserName, password));

        var result = verifier.Verify(TestRequests.WithBasicCredentials(UserName, password));

        Assert.True(result.IsVerified);
    }

    [Fact]
    public void Rejects_a_unicode_password_sent_in_another_encoding()
    {
        const string password = "Pässwörd";
        var verifier = CreateVerifier((UserName, password));
        string token = Convert.ToBase64String(Encoding.Latin1.GetBytes($"{UserName}:{password}"));

        var result = verifier.Verify(TestRequests.WithAuthorization("Basic " + token));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Reports_missing_authorization_header_as_missing_credential()
    {
        var verifier = CreateVerifier((UserName, Password));

        var result = verifier.Verify(TestRequests.WithoutHeaders());

        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, result.Reason);
    }

    [Fact]
    public void Reports_empty_authorization_header_as_missing_credential()
    {
        var verifier = CreateVerifier((UserName, Password));

        var result = verifier.Verify(TestRequests.WithAuthorization("  "));

        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, result.Reason);
    }

    [Fact]
    public void Reports_a_second_authorization_header_with_a_different_value_as_ambiguous_credential()
    {
        var verifier = CreateVerifier((UserName, Password));
        string genuine = "Basic " + TestRequests.Base64($"{UserName}:{Password}");
        var request = TestRequests.WithHeaders(("Authorization", genuine), ("authorization", "Basic " + TestRequests.Base64("attacker:guess")));

        var result = verifier.Verify(request);

        Assert.Equal(WebhookVerificationFailureReason.AmbiguousCredential, result.Reason);
    }

    [Theory]
    [InlineData("Basic !!!!")]
    [InlineData("Basic cGF5aXRvZmY6cGE1NS1Xb3JkLTdjNmI1YQ")]
    [InlineData("Basic cGF5aXRvZmY6cGE1NS1Xb3JkLTdjNmI1YQ===")]
    [InlineData("Basic cGF5aXRvZmY6cGE1NS1Xb3JkLTdjNmI1YQ==,Basic eA==")]
    [InlineData("Basic a")]
    public void Reports_malformed_base64_as_malformed_credential(string header)
    {
        var verifier = CreateVerifier((UserName, Password));

        var result = verifier.Verify(TestRequests.WithAuthorization(header));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Fact]
    public void Reports_a_credential_without_a_colon_as_malformed_credential()
    {
        var verifier = CreateVerifier((UserName, Password));

        var result = verifier.Verify(TestRequests.WithAuthorization("Basic " + TestRequests.Base64(UserName + Password)));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Theory]
    [InlineData("Bearer cGF5aXRvZmY6cGE1NS1Xb3JkLTdjNmI1YQ==")]
    [InlineData("Digest username=\"payitoff\"")]
    [InlineData("BasiccGF5aXRvZmY6cGE1NS1Xb3JkLTdjNmI1YQ==")]
    [InlineData("cGF5aXRvZmY6cGE1NS1Xb3JkLTdjNmI1YQ==")]
    public void Reports_another_scheme_as_malformed_credential(string header)
    {
        var verifier = CreateVerifier((UserName, Password));

        var result = verifier.Verify(TestRequests.WithAuthorization(header));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("Basic   ")]
    public void Reports_the_basic_scheme_without_a_token_as_malformed_credential(string header)
    {
        var verifier = CreateVerifier((UserName, Password));

        var result = verifier.Verify(TestRequests.WithAuthorization(header));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Theory]
    [InlineData("old-user", "old-Password-1")]
    [InlineData("new-user", "new-Password-2")]
    public void Accepts_old_and_new_credentials_while_both_are_configured(string userName, string password)
    {
        var verifier = CreateVerifier(("old-user", "old-Password-1"), ("new-user", "new-Password-2"));

        var result = verifier.Verify(TestRequests.WithBasicCredentials(userName, password));

        Assert.True(result.IsVerified);
    }

    [Fact]
    public void Rejects_a_credential_once_it_is_removed_from_the_configuration()
    {
        var verifier = CreateVerifier(("new-user", "new-Password-2"));

        var result = verifier.Verify(TestRequests.WithBasicCredentials("old-user", "old-Password-1"));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Rejects_options_without_any_credential()
    {
        var options = new BasicAuthenticationOptions();

        var exception = Assert.Throws<ArgumentException>(() => new BasicAuthenticationVerifier(options));

        Assert.Contains("at least one credential", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_null_credential_in_the_options()
    {
        var options = new BasicAuthenticationOptions { Credentials = { new(UserName, Password), null! } };

        var exception = Assert.Throws<ArgumentException>(() => new BasicAuthenticationVerifier(options));

        Assert.Contains("Credentials[1]", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n")]
    public void Rejects_an_empty_or_whitespace_password(string password)
    {
        var exception = Assert.Throws<ArgumentException>(() => new BasicAuthenticationCredential(UserName, password));

        Assert.Equal("password", exception.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Rejects_an_empty_or_whitespace_user_name(string userName)
    {
        var exception = Assert.Throws<ArgumentException>(() => new BasicAuthenticationCredential(userName, Password));

        Assert.Equal("userName", exception.ParamName);
    }

    [Fact]
    public void Rejects_a_user_name_containing_a_colon_without_echoing_it()
    {
        const string userName = "secret-user:name";

        var exception = Assert.Throws<ArgumentException>(() => new BasicAuthenticationCredential(userName, Password));

        Assert.DoesNotContain(userName, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_user_name_that_is_not_valid_unicode_naming_the_user_name_without_echoing_it()
    {
        const string userName = "payitoff-\uDC00-user";

        var exception = Assert.Throws<ArgumentException>(() => new BasicAuthenticationCredential(userName, Password));

        Assert.Equal("userName", exception.ParamName);
        Assert.Contains("user name is not valid Unicode", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("payitoff-", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_password_that_is_not_valid_unicode_without_echoing_it()
    {
        const string password = "secret-\uD800-password";

        var exception = Assert.Throws<ArgumentException>(() => new BasicAuthenticationCredential(UserName, password));

        Assert.DoesNotContain("secret-", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_show_the_credential_when_it_is_formatted()
    {
        var credential = new BasicAuthenticationCredential(UserName, Password);

        string text = credential.ToString()!;

        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UserName, "wrong-password")]
    [InlineData("wrong-user", Password)]
    [InlineData(UserName, "pa55-Word-7c6b5")]
    public void Never_puts_a_configured_or_presented_credential_in_the_detail(string userName, string password)
    {
        var verifier = CreateVerifier((UserName, Password));
        string token = TestRequests.Base64($"{userName}:{password}");

        var result = verifier.Verify(TestRequests.WithAuthorization("Basic " + token));

        Assert.False(result.IsVerified);
        foreach (string secret in new[] { UserName, Password, userName, password, token })
        {
            Assert.DoesNotContain(secret, result.Detail ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, result.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("Basic \0")]
    [InlineData("Basic \uD800")]
    [InlineData("Basic ====")]
    [InlineData("Basic " + "QUFB")]
    [InlineData("Basic Og==")]
    [InlineData("\u00A0Basic\u00A0x")]
    public void Answers_odd_authorization_values_with_a_result_rather_than_an_exception(string header)
    {
        var verifier = CreateVerifier((UserName, Password));

        var result = verifier.Verify(TestRequests.WithAuthorization(header));

        Assert.False(result.IsVerified);
    }

    [Fact]
    public void Throws_for_a_null_request()
    {
        var verifier = CreateVerifier((UserName, Password));

        Assert.Throws<ArgumentNullException>(() => verifier.Verify(null!));
    }

    private static BasicAuthenticationVerifier CreateVerifier(params (string UserName, string Password)[] credentials)
    {
        var options = new BasicAuthenticationOptions();
        foreach (var (userName, password) in credentials)
        {
            options.Credentials.Add(new BasicAuthenticationCredential(userName, password));
        }

        return new BasicAuthenticationVerifier(options);
    }
}
