using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Alerts;

/// <summary>The words of alert filters in URLs (the API's query string and the inbox's shareable state): names only,
/// case-insensitive, never numbers. A failed parse says what would have been accepted.</summary>
public static class AlertQueryText
{
    public static bool TryParseSeverity(string text, out GateSeverity severity, out string error) =>
        TryParse(text, "a severity", out severity, out error);

    public static bool TryParseState(string text, out AlertStateFilter state, out string error) =>
        TryParse(text, "an alert state", out state, out error);

    public static bool TryParseSort(string text, out AlertSort sort, out string error) =>
        TryParse(text, "a sort column", out sort, out error);

    private static bool TryParse<T>(string text, string what, out T value, out string error) where T : struct, Enum
    {
        error = EnumNames.TryParse(text, out value) ? "" : $"'{text}' is not {what}; use {Choices<T>()}.";
        return error.Length == 0;
    }

    private static string Choices<T>() where T : struct, Enum
    {
        var names = Enum.GetNames<T>();
        return names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }
}
