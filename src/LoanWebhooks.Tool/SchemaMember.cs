namespace LoanWebhooks.Tool;

/// <summary>One member of an event, as its schema describes it.</summary>
/// <param name="Path">Where it sits: <c>data.borrower.email</c>; <c>[]</c> stands for any element of an array.</param>
/// <param name="JsonType">The JSON type(s): <c>string</c>, <c>string|null</c>, <c>string (date-time)</c>, <c>array of object</c>, <c>any</c>.</param>
/// <param name="Required">Whether the member is required in the object that holds it.</param>
/// <param name="Sensitive">The schema's <c>x-sensitive</c>: personal or secret data, never printed by the record's <c>ToString()</c>.</param>
/// <param name="Description">The schema's description, if any.</param>
internal sealed record SchemaMember(string Path, string JsonType, bool Required, bool Sensitive, string? Description);
