namespace DataProductDashboard.Services.Batches;

/// <summary>Quotes a CSV field when it needs it.</summary>
public static class CsvText
{
    public static string Escape(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
