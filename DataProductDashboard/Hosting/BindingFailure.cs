using System.Text.Json;
using System.Text.RegularExpressions;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Hosting;

/// <summary>Turns the framework's binding failures (a query value that is not an int / bool / enum, a JSON body with a
/// wrong type, an unknown enum name, bad syntax) into errors keyed by the parameter or the JSON path, instead of a bare
/// "Bad request".</summary>
public static partial class BindingFailure
{
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+?) (?<name>[^" ]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("""^Required parameter "(?<type>[^"]+?) (?<name>[^" ]+)" was not provided from (?<source>.+?)\.$""")]
    private static partial Regex Required();

    [GeneratedRegex("""^(Failed to read parameter|Implicit body inferred for parameter) "(?<parameter>[^"]+)" """)]
    private static partial Regex Body();

    [GeneratedRegex(@"\.?(?<name>[^.\[\]]+)|\[(?<index>[^\]]*)\]")]
    private static partial Regex PathSegment();

    /// <summary>A multipart body the form reader cannot parse (no boundary: InvalidDataException; cut off: IOException): 400 naming the body; null when
    /// the exception comes from elsewhere (a corrupt stored file stays a 500).</summary>
    public static InputValidationException? Malformed(Exception exception) =>
        exception is not (InvalidDataException or IOException)
        || exception.TargetSite?.DeclaringType?.Namespace is not { } ns
        || !(ns.StartsWith("Microsoft.AspNetCore.WebUtilities", StringComparison.Ordinal) || ns.StartsWith("Microsoft.AspNetCore.Http", StringComparison.Ordinal))
            ? null
            : Error("body", $"The request body is malformed: {exception.Message.TrimEnd('.')}. Send multipart/form-data with the file in field 'file', or a raw body of the accepted type.");

    /// <summary>The errors a binding failure means, or null when the exception is not one (e.g. a 413 or a 415).</summary>
    public static InputValidationException? Describe(BadHttpRequestException exception)
    {
        if (exception.StatusCode != StatusCodes.Status400BadRequest)
            return null;
        var message = exception.Message;
        var body = Body().Match(message);
        if (FindJsonException(exception) is { } json)
            return FromJson(json, body.Success ? BodyType(body.Groups["parameter"].Value) : null);
        if (FailedToBind().Match(message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            return Error(name, $"'{bind.Groups["value"].Value}' is not {Describe(bind.Groups["type"].Value)}.");
        }
        if (Required().Match(message) is { Success: true } required)
        {
            var source = required.Groups["source"].Value;
            return source.Contains("body", StringComparison.OrdinalIgnoreCase)
                ? Error("body", "A JSON body is required.")
                : Error(required.Groups["name"].Value, $"'{required.Groups["name"].Value}' is required ({source}).");
        }
        if (body.Success)
            return Error("body", "A JSON body is required.");
        // Never a bare 400: whatever else the framework refused is named as the request.
        return Error("request", message);
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
                return json;
        }
        return null;
    }

    private static InputValidationException FromJson(JsonException json, Type? bodyType)
    {
        var field = json.Path is { Length: > 1 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..]
            : json.Path is { Length: > 1 } other && other.StartsWith('$') ? other[1..]
            : "body";
        var text = json.Message;
        var cut = text.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
            text = text[..cut];
        string error;
        if (text.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            error = field == "body" ? "The body must be a JSON object with the documented fields."
                : bodyType is not null && TypeAt(bodyType, field) is { } type ? $"The value is not {DescribeType(Nullable.GetUnderlyingType(type) ?? type)}."
                : "The value has the wrong type.";
        }
        else
        {
            error = $"The body is not valid JSON here: {text.TrimEnd('.')}.";
        }
        return Error(field, error);
    }

    /// <summary>"ChannelRequest request" or "ResolveAlertRequest? body" → the app type.</summary>
    private static Type? BodyType(string parameter)
    {
        var space = parameter.LastIndexOf(' ');
        return space > 0 ? AppTypeNamed(parameter[..space].TrimEnd('?')) : null;
    }

    /// <summary>The declared type at a JSON path such as schema.columns[0].kind (properties matched case-insensitively,
    /// list items and dictionary values followed), or null when the path leaves the known types.</summary>
    private static Type? TypeAt(Type root, string path)
    {
        var type = root;
        foreach (Match segment in PathSegment().Matches(path))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (segment.Groups["index"].Success)
            {
                type = ItemType(type, segment.Groups["index"].Value);
            }
            else
            {
                var name = segment.Groups["name"].Value;
                type = DictionaryValueType(type)
                    ?? type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            }
            if (type is null)
                return null;
        }
        return type;
    }

    private static Type? ItemType(Type type, string index) =>
        index.StartsWith('\'') ? DictionaryValueType(type)
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var item] ? item
        : null;

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericArguments() is [var key, var value] && key == typeof(string)
        && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? value : null;

    private static InputValidationException Error(string field, string message) =>
        new($"{field}: {message}", new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>"int?" → "a whole number", "bool" → "true or false", an enum → its names.</summary>
    private static string Describe(string typeName) => Unwrap(typeName) switch
    {
        "int" or "long" or "short" => "a whole number",
        "double" or "float" or "decimal" => "a number",
        "bool" => "true or false",
        "DateTime" or "DateTimeOffset" => "a date/time (ISO 8601, e.g. 2026-12-31 or 2026-12-31T18:00:00Z)",
        "DateOnly" => "a date (YYYY-MM-DD)",
        "Guid" => "an id (a GUID)",
        var other => AppTypeNamed(other) is { } type ? DescribeType(type) : $"a valid {other}",
    };

    private static string Unwrap(string typeName) =>
        typeName.StartsWith("Nullable<", StringComparison.Ordinal) && typeName.EndsWith('>') ? typeName[9..^1] : typeName.TrimEnd('?');

    private static Type? AppTypeNamed(string shortName) =>
        typeof(Program).Assembly.GetTypes().FirstOrDefault(t => t.Name == shortName && t.Namespace?.StartsWith("DataProductDashboard", StringComparison.Ordinal) == true);

    private static string DescribeType(Type type) => type switch
    {
        { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(string) => "a text",
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "a date/time (ISO 8601)",
        { IsArray: true } => "an array",
        _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => "an array",
        _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) => "an object",
        _ => $"a {type.Name} object",
    };
}
