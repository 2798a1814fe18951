using System;
using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Tests.Approval;

/// <summary>
/// Renders a parsed object graph as readable, deterministic text for snapshots:
/// one property per line, two spaces of indent per level, typed scalars, sorted dictionary keys,
/// and every <c>ExtensionData</c> entry marked with <c>[extension]</c>.
/// </summary>
public static class SnapshotPrinter
{
    /// <summary>Name of the property that holds JSON the model did not map (<c>[JsonExtensionData]</c>).</summary>
    public const string ExtensionDataPropertyName = "ExtensionData";

    /// <summary>Prefix of each printed <c>ExtensionData</c> entry, easy to spot in a diff.</summary>
    public const string ExtensionMarker = "[extension]";

    private const string Indent = "  ";

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertyCache = new();

    private static readonly JsonWriterOptions CompactJson = new()
    {
        Indented = false,

        // Display only: keep quotes, apostrophes and non-ASCII letters readable instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonDocumentOptions LenientJson = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private enum Shape
    {
        Scalar,
        Dictionary,
        Sequence,
        Object,
    }

    /// <summary>Renders <paramref name="value"/> as snapshot text ending with one newline.</summary>
    public static string Print(object? value)
    {
        var printer = new Printer();
        printer.Write(value, typeof(object), prefix: string.Empty, depth: 0);
        return printer.ToString();
    }

    /// <summary>
    /// Paths of every entry in a non-empty <c>ExtensionData</c> anywhere in the graph,
    /// e.g. <c>Data.Borrower.ExtensionData.nickname</c> or <c>Data.Loans[0].ExtensionData.rate</c>.
    /// An empty list means every JSON field was mapped to a documented property.
    /// </summary>
    public static IReadOnlyList<string> FindExtensionData(object? value)
    {
        var paths = new List<string>();
        FindExtensionData(value, string.Empty, new HashSet<object>(ReferenceEqualityComparer.Instance), paths);
        return paths;
    }

    private static void FindExtensionData(object? value, string path, HashSet<object> ancestors, List<string> paths)
    {
        if (value is null)
        {
            return;
        }

        var shape = Classify(value, out _);
        if (shape == Shape.Scalar || !EnterNode(value, ancestors))
        {
            return;
        }

        try
        {
            switch (shape)
            {
                case Shape.Dictionary:
                    foreach (var (key, entryValue) in SortedEntries(value))
                    {
                        FindExtensionData(entryValue, AppendKey(path, key), ancestors, paths);
                    }

                    break;

                case Shape.Sequence:
                    var index = 0;
                    foreach (var item in (IEnumerable)value)
                    {
                        FindExtensionData(item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", ancestors, paths);
                        index++;
                    }

                    break;

                default:
                    foreach (var property in PropertiesOf(value.GetType()))
                    {
                        if (!TryGetValue(property, value, out var propertyValue, out _))
                        {
                            continue;
                        }

                        var propertyPath = path.Length == 0 ? property.Name : path + "." + property.Name;
                        if (IsExtensionData(property, propertyValue))
                        {
                            if (propertyValue is not null)
                            {
                                paths.AddRange(SortedEntries(propertyValue).Select(entry => AppendKey(propertyPath, entry.Key)));
                            }
                        }
                        else
                        {
                            FindExtensionData(propertyValue, propertyPath, ancestors, paths);
                        }
                    }

                    break;
            }
        }
        finally
        {
            LeaveNode(value, ancestors);
        }
    }

    /// <summary>Writes one value as a line (and, for composite values, the indented lines below it).</summary>
    private sealed class Printer
    {
        private readonly StringBuilder text = new();
        private readonly HashSet<object> ancestors = new(ReferenceEqualityComparer.Instance);

        public override string ToString() => text.ToString();

        public void Write(object? value, Type declaredType, string prefix, int depth)
        {
            if (value is null)
            {
                Line(depth, prefix + "null");
                return;
            }

            var shape = Classify(value, out var scalar);
            if (shape == Shape.Scalar)
            {
                Line(depth, prefix + scalar);
                return;
            }

            var typeName = TypeName(shape == Shape.Object ? value.GetType() : CollectionType(value, declaredType));
            if (!EnterNode(value, ancestors))
            {
                Line(depth, prefix + typeName + " (cycle)");
                return;
            }

            try
            {
                switch (shape)
                {
                    case Shape.Dictionary:
                        var entries = SortedEntries(value);
                        Line(depth, prefix + typeName + " (" + Count(entries.Count, "entry", "entries") + ")");
                        foreach (var (key, entryValue) in entries)
                        {
                            Write(entryValue, typeof(object), FormatKey(key) + ": ", depth + 1);
                        }

                        break;

                    case Shape.Sequence:
                        var items = ((IEnumerable)value).Cast<object?>().ToList();
                        Line(depth, prefix + typeName + " (" + Count(items.Count, "item", "items") + ")");
                        for (var i = 0; i < items.Count; i++)
                        {
                            Write(items[i], typeof(object), "[" + i.ToString(CultureInfo.InvariantCulture) + "] ", depth + 1);
                        }

                        break;

                    default:
                        Line(depth, prefix + typeName);
                        WriteProperties(value, depth + 1);
                        break;
                }
            }
            finally
            {
                LeaveNode(value, ancestors);
            }
        }

        private void WriteProperties(object value, int depth)
        {
            foreach (var property in PropertiesOf(value.GetType()))
            {
                var prefix = property.Name + ": ";
                if (!TryGetValue(property, value, out var propertyValue, out var error))
                {
                    Line(depth, prefix + "(threw " + error!.GetType().Name + ": " + error.Message + ")");
                }
                else if (IsExtensionData(property, propertyValue))
                {
                    WriteExtensionData(propertyValue, depth);
                }
                else
                {
                    Write(propertyValue, property.PropertyType, prefix, depth);
                }
            }
        }

        private void WriteExtensionData(object? extensionData, int depth)
        {
            var entries = extensionData is null ? [] : SortedEntries(extensionData);
            if (entries.Count == 0)
            {
                Line(depth, ExtensionDataPropertyName + ": (none)");
                return;
            }

            Line(depth, ExtensionDataPropertyName + ":");
            foreach (var (key, entryValue) in entries)
            {
                Write(entryValue, typeof(object), ExtensionMarker + " " + FormatKey(key) + ": ", depth + 1);
            }
        }

        private void Line(int depth, string line)
        {
            for (var i = 0; i < depth; i++)
            {
                text.Append(Indent);
            }

            text.Append(line).Append('\n');
        }
    }

    private static Shape Classify(object value, out string scalar)
    {
        scalar = FormatScalar(value)!;
        if (scalar is not null)
        {
            return Shape.Scalar;
        }

        if (value is IDictionary || FindGenericInterface(value.GetType(), typeof(IReadOnlyDictionary<,>), typeof(IDictionary<,>)) is not null)
        {
            return Shape.Dictionary;
        }

        return value is IEnumerable ? Shape.Sequence : Shape.Object;
    }

    /// <summary>The one-line text of a scalar value, or <c>null</c> when the value has children.</summary>
    private static string? FormatScalar(object value)
    {
        switch (value)
        {
            case string s:
                return Quote(s);
            case char c:
                return Quote(c.ToString());
            case bool b:
                return b ? "true" : "false";
            case Enum e:
                return e.ToString();
            case WebhookProvider provider:
                // An extensible enum: printed by name, as the C# enum it replaced was.
                return provider.Name;
            case Guid g:
                return g.ToString("D");
            case DateTimeOffset d:
                return "DateTimeOffset " + d.ToString("O", CultureInfo.InvariantCulture);
            case DateTime d:
                return "DateTime " + d.ToString("O", CultureInfo.InvariantCulture);
            case DateOnly d:
                return "DateOnly " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case TimeOnly t:
                return "TimeOnly " + t.ToString("O", CultureInfo.InvariantCulture);
            case TimeSpan t:
                return "TimeSpan " + t.ToString("c", CultureInfo.InvariantCulture);
            case JsonElement element:
                return "JsonElement " + CompactJsonText(element);
            case Uri uri:
                return Quote(uri.OriginalString);
            case Type type:
                return "Type " + TypeName(type);
            case byte[] bytes:
                return Count(bytes.Length, "byte", "bytes");
            case ReadOnlyMemory<byte> memory:
                return Count(memory.Length, "byte", "bytes");
            case Memory<byte> memory:
                return Count(memory.Length, "byte", "bytes");
            case ArraySegment<byte> segment:
                return Count(segment.Count, "byte", "bytes");
            case IFormattable formattable when IsNumber(value.GetType()):
                // Decimal keeps its scale ("12.340"); float and double print the shortest round-trip form.
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            default:
                return null;
        }
    }

    private static bool IsNumber(Type type) =>
        (type.IsPrimitive && type != typeof(bool) && type != typeof(char))
        || type == typeof(decimal)
        || type == typeof(Half)
        || type == typeof(Int128)
        || type == typeof(UInt128)
        || type == typeof(BigInteger);

    private static string CompactJsonText(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            return "(undefined)";
        }

        using var document = JsonDocument.Parse(element.GetRawText(), LenientJson);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, CompactJson))
        {
            document.RootElement.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>JSON-style string literal: quotes, backslashes, control characters and lone surrogates escaped.</summary>
    private static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    quoted.Append("\\\"");
                    break;
                case '\\':
                    quoted.Append("\\\\");
                    break;
                case '\n':
                    quoted.Append("\\n");
                    break;
                case '\r':
                    quoted.Append("\\r");
                    break;
                case '\t':
                    quoted.Append("\\t");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        quoted.Append(c).Append(value[++i]);
                    }
                    else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
                    {
                        quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        quoted.Append(c);
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Dictionary keys print bare when they are simple identifiers, quoted otherwise.</summary>
    private static string FormatKey(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '$' or '@') ? key : Quote(key);

    private static string AppendKey(string path, string key)
    {
        var formatted = FormatKey(key);
        if (formatted.StartsWith('"'))
        {
            return path + "[" + formatted + "]";
        }

        return path.Length == 0 ? formatted : path + "." + formatted;
    }

    private static string Count(int count, string singular, string plural) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);

    private static bool IsExtensionData(PropertyInfo property, object? value) =>
        property.Name == ExtensionDataPropertyName
        && (value is null ? IsDictionaryType(property.PropertyType) : Classify(value, out _) == Shape.Dictionary);

    private static bool IsDictionaryType(Type type) =>
        typeof(IDictionary).IsAssignableFrom(type)
        || FindGenericInterface(type, typeof(IReadOnlyDictionary<,>), typeof(IDictionary<,>)) is not null;

    private static Type? FindGenericInterface(Type type, params Type[] definitions)
    {
        foreach (var definition in definitions)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == definition)
            {
                return type;
            }

            var match = Array.Find(type.GetInterfaces(), i => i.IsGenericType && i.GetGenericTypeDefinition() == definition);
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>Dictionary entries with keys rendered as text, sorted ordinal so snapshots never depend on hash order.</summary>
    private static List<(string Key, object? Value)> SortedEntries(object dictionary)
    {
        var entries = new List<(string Key, object? Value)>();
        if (dictionary is IDictionary nonGeneric)
        {
            foreach (DictionaryEntry entry in nonGeneric)
            {
                entries.Add((KeyText(entry.Key), entry.Value));
            }
        }
        else
        {
            foreach (var pair in (IEnumerable)dictionary)
            {
                var pairType = pair!.GetType();
                entries.Add((KeyText(pairType.GetProperty("Key")!.GetValue(pair)), pairType.GetProperty("Value")!.GetValue(pair)));
            }
        }

        entries.Sort((left, right) => string.CompareOrdinal(left.Key, right.Key));
        return entries;

        static string KeyText(object? key) => key switch
        {
            null => "null",
            string s => s,
            _ => FormatScalar(key) ?? key.ToString() ?? string.Empty,
        };
    }

    /// <summary>
    /// Collections show the declared property type (<c>IReadOnlyList&lt;String&gt;</c>) so a change of
    /// backing collection does not churn every snapshot; untyped positions show the runtime type.
    /// </summary>
    private static Type CollectionType(object value, Type declaredType) =>
        declaredType != typeof(object) && typeof(IEnumerable).IsAssignableFrom(declaredType) && declaredType.IsInstanceOfType(value)
            ? declaredType
            : value.GetType();

    /// <summary>C#-like type name without namespaces: <c>IReadOnlyList&lt;String&gt;</c>, <c>Int32[]</c>.</summary>
    internal static string TypeName(Type type)
    {
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var baseName = tick < 0 ? name : name[..tick];

        // Arguments of an enclosing generic type are listed first; show only the nested type's own.
        var ownArguments = type.GetGenericArguments().Skip(type.DeclaringType?.GetGenericArguments().Length ?? 0);
        var arguments = string.Join(", ", ownArguments.Select(TypeName));
        return arguments.Length == 0 ? baseName : baseName + "<" + arguments + ">";
    }

    /// <summary>
    /// Public instance properties with a public getter, no indexers: base-class properties first,
    /// then each type's own in declaration (metadata token) order. An override keeps its base position.
    /// </summary>
    private static PropertyInfo[] PropertiesOf(Type type) => PropertyCache.GetOrAdd(type, static t =>
    {
        var hierarchy = new List<Type>();
        for (var current = t; current is not null; current = current.BaseType)
        {
            hierarchy.Add(current);
        }

        hierarchy.Reverse();
        var properties = new List<PropertyInfo>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var declaringType in hierarchy)
        {
            var declared = declaringType
                .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
                .OrderBy(p => p.MetadataToken);
            foreach (var property in declared)
            {
                if (positions.TryGetValue(property.Name, out var position))
                {
                    properties[position] = property;
                }
                else
                {
                    positions.Add(property.Name, properties.Count);
                    properties.Add(property);
                }
            }
        }

        return properties.ToArray();
    });

    private static bool TryGetValue(PropertyInfo property, object owner, out object? value, out Exception? error)
    {
        try
        {
            value = property.GetValue(owner);
            error = null;
            return true;
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            value = null;
            error = exception.InnerException;
            return false;
        }
    }

    /// <summary>Marks a composite value as being printed; false when it is already an ancestor (a cycle).</summary>
    private static bool EnterNode(object value, HashSet<object> ancestors) =>
        value.GetType().IsValueType || ancestors.Add(value);

    private static void LeaveNode(object value, HashSet<object> ancestors)
    {
        if (!value.GetType().IsValueType)
        {
            ancestors.Remove(value);
        }
    }
}
