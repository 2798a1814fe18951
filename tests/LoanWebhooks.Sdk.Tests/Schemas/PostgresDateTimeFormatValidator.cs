using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;

namespace LoanWebhooks.Sdk.Tests.Schemas;

/// <summary>
/// Lets NJsonSchema accept, for <c>"format": "date-time"</c>, the PostgreSQL text form with an offset
/// (<c>9999-12-31 11:59:59+00</c>) that Canopy sends and schemas/README.md maps to DateTimeOffset.
/// NJsonSchema's own validator still checks ISO 8601; a value without an offset is still rejected.
/// </summary>
internal sealed partial class PostgresDateTimeFormatValidator : IFormatValidator
{
    public string Format => "date-time";

    public ValidationErrorKind ValidationErrorKind => ValidationErrorKind.DateTimeExpected;

    public static JsonSchemaValidatorSettings Settings()
    {
        var settings = new JsonSchemaValidatorSettings();
        settings.AddCustomFormatValidator(new PostgresDateTimeFormatValidator());
        return settings;
    }

    public bool IsValid(string value, JTokenType tokenType) =>
        tokenType == JTokenType.String && PostgresTimestamp().IsMatch(value);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,7})?[+-]\d{2}(:?\d{2})?$")]
    private static partial Regex PostgresTimestamp();
}
