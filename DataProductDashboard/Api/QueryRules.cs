using System.Globalization;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Api;

/// <summary>Range checks of framework-bound query numbers (page, pageSize, take): a value outside its range answers 400
/// naming the parameter and the range, instead of being clamped or ignored. (A value that is not a number at all is a
/// binding failure, answered by Hosting/BindingFailure.) Page limits come from <see cref="Paging"/>.</summary>
public static class QueryRules
{
    public const int MaxTake = 10_000;

    /// <summary>Throws one 400 for every value outside its inclusive range; null values (not given) pass.</summary>
    public static void Check(params (string Name, int? Value, int Min, int Max)[] values)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value, min, max) in values)
        {
            if (value is { } v && (v < min || v > max))
            {
                errors[name] = [max == int.MaxValue
                    ? string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number ≥ {min}; got {v}.")
                    : string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number between {min} and {max}; got {v}.")];
            }
        }
        if (errors.Count > 0)
            throw new InputValidationException(string.Join(" ", errors.Values.Select(v => v[0])), errors);
    }

    public static (string, int?, int, int) Page(int? page) => ("page", page, Paging.FirstPage, int.MaxValue);

    public static (string, int?, int, int) PageSize(int? pageSize, Paging paging) => ("pageSize", pageSize, Paging.MinPageSize, paging.MaxPageSize);

    /// <summary>A true|false query switch (absent: false); anything else answers 400 naming it.</summary>
    /// <summary>true or false when given, null when absent; 400 naming the parameter otherwise.</summary>
    public static bool? OptionalFlag(IQueryCollection query, string name) =>
        query[name].ToString().Length == 0 ? null : Flag(query, name);

    public static bool Flag(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
            return false;
        return bool.TryParse(text, out var value) ? value : throw new InputValidationException(name, $"'{text}' is not true or false.");
    }

    /// <summary>A query time: ISO 8601 only (2026-12-31, 2026-12-31T18:00, with Z or an offset), UTC when it has no
    /// offset; null when absent; 400 naming the parameter otherwise.</summary>
    public static DateTime? Time(string name, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (TimestampFormat.TryParseIso(text.Trim(), out var time))
            return time;
        throw new InputValidationException(name, $"'{text}' is not a date/time ({TimestampFormat.AcceptedForms}).");
    }
}
