using System.Globalization;

namespace DataProductDashboard.Ingestion;

/// <summary>The size limits of one CSV value and one CSV row, in one place; the messages that refuse a file name them.
/// A value above 1 MiB or a row above 4 MiB is not data a model scores: it is a broken quote or the wrong file.</summary>
public static class CsvLimits
{
    /// <summary>The longest value (one cell), in bytes of UTF-8.</summary>
    public const int MaxFieldBytes = 1 << 20;

    /// <summary>The longest row (all its cells, separators and quotes), in bytes of UTF-8.</summary>
    public const int MaxRowBytes = 4 << 20;

    public static string FieldLimitText => Describe(MaxFieldBytes);

    public static string RowLimitText => Describe(MaxRowBytes);

    private static string Describe(int bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20} MiB ({bytes:N0} bytes)");
}
