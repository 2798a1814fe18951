namespace LoanWebhooks.Sdk.Verification;

/// <summary>How a 32-byte HMAC-SHA256 signature is written as text in a webhook body.</summary>
public enum SignatureEncoding
{
    /// <summary>Standard base64 with padding (RFC 4648 §4): 44 characters. Canopy documents this one.</summary>
    Base64 = 0,

    /// <summary>Hexadecimal, in either case: 64 characters.</summary>
    Hex = 1,

    /// <summary>
    /// Either of the above, told apart by length (64 characters is hex, 44 is base64). Accepting both adds no
    /// way to forge a signature: both spell the same 32 bytes, which are what is compared.
    /// </summary>
    Base64OrHex = 2,
}
