using System.Globalization;
using System.Text.Json;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Api;

/// <summary>Reads a small JSON object field by field, collecting one error per bad field ("threshold": "'abc' is not
/// a number") instead of failing the whole body at the first type mismatch; <see cref="ThrowIfInvalid"/> turns them
/// into a 400 with errors keyed by field.</summary>
public sealed class JsonBody : IDisposable
{
    private readonly JsonDocument _document;
    private readonly Dictionary<string, JsonElement> _fields;
    private readonly Dictionary<string, string[]> _errors = [];

    private JsonBody(JsonDocument document)
    {
        _document = document;
        _fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (!_fields.TryAdd(property.Name, property.Value))
                _errors[property.Name] = [$"'{property.Name}' appears more than once."];
        }
    }

    public static async Task<JsonBody> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new UnsupportedContentTypeException(type, "application/json");
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException ex)
        {
            throw new InputValidationException("body", $"The body is not valid JSON: {ex.Message}");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new InputValidationException("body", "The body must be a JSON object.");
        }
        return new JsonBody(document);
    }

    public bool Has(string field) => _fields.TryGetValue(field, out var v) && v.ValueKind != JsonValueKind.Null;

    public string? String(string field, bool required = false)
    {
        if (!_fields.TryGetValue(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
                _errors[field] = [$"'{field}' is required."];
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        _errors[field] = [$"{value.GetRawText()} is not a text."];
        return null;
    }

    public double? Number(string field, bool required = false)
    {
        if (!_fields.TryGetValue(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
                _errors[field] = [$"'{field}' is required."];
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
            return number;
        if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            if (double.IsFinite(parsed))
                return parsed;
            _errors[field] = [$"{Shown(value)} is not a finite number (NaN and Infinity are not accepted)."];
            return null;
        }
        _errors[field] = [$"{Shown(value)} is not a number."];
        return null;
    }

    public bool? Bool(string field)
    {
        if (!_fields.TryGetValue(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return value.GetBoolean();
        _errors[field] = [$"{Shown(value)} is not true or false."];
        return null;
    }

    public DateTime? Time(string field, bool required = false)
    {
        var text = String(field, required);
        if (text is null)
            return null;
        if (TimestampFormat.TryParseIso(text, out var time))
            return time;
        _errors[field] = [$"'{text}' is not a date/time (use ISO 8601, e.g. 2026-12-31, 2026-12-31T18:00 or 2026-12-31T18:00:00Z)."];
        return null;
    }

    /// <summary>A day as "YYYY-MM-DD".</summary>
    public DateOnly? Date(string field)
    {
        var text = String(field);
        if (text is null)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        _errors[field] = [$"'{text}' is not a date; use YYYY-MM-DD, e.g. 2027-06-30."];
        return null;
    }

    /// <summary>An array of texts; null when absent.</summary>
    public IReadOnlyList<string>? Strings(string field, bool required = false) =>
        Array(field, required, "text", static e => e.ValueKind == JsonValueKind.String ? (true, e.GetString()!) : (false, ""));

    /// <summary>An array of integers; null when absent.</summary>
    public IReadOnlyList<int>? Integers(string field, bool required = false) =>
        Array(field, required, "whole number", static e => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var n) ? (true, n) : (false, 0));

    private List<T>? Array<T>(string field, bool required, string what, Func<JsonElement, (bool Ok, T Value)> read)
    {
        if (!_fields.TryGetValue(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
                _errors[field] = [$"'{field}' is required."];
            return null;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            _errors[field] = [$"{Shown(value)} is not an array."];
            return null;
        }
        var items = new List<T>();
        foreach (var element in value.EnumerateArray())
        {
            var (ok, item) = read(element);
            if (!ok)
            {
                _errors[field] = [$"{Shown(element)} is not a {what}."];
                return null;
            }
            items.Add(item);
        }
        return items;
    }

    public TEnum? Enum<TEnum>(string field, bool required = false) where TEnum : struct, Enum
    {
        var text = String(field, required);
        if (text is null)
            return null;
        if (EnumNames.TryParse<TEnum>(text, out var value))
            return value;
        _errors[field] = [$"'{text}' is not a {typeof(TEnum).Name}; use one of {string.Join(", ", System.Enum.GetNames<TEnum>())}."];
        return null;
    }

    public void ThrowIfInvalid(string what)
    {
        if (_errors.Count > 0)
            throw new InputValidationException($"The {what} is not valid: {string.Join("; ", _errors.Select(e => $"{e.Key}: {e.Value[0]}"))}", _errors);
    }

    private static string Shown(JsonElement value) => value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : value.GetRawText();

    public void Dispose() => _document.Dispose();
}
