using System.Globalization;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Ingestion;

/// <summary>A CSV file read and validated against a product schema.</summary>
public sealed class ParsedCsv(ColumnTable table, string?[]? keyColumn, bool hasLabels, int firstRow = 0)
{
    private string[]? _rowKeys;

    /// <summary>The schema columns found in the file, typed.</summary>
    public ColumnTable Table { get; } = table;

    /// <summary>Whether the file carried the label column.</summary>
    public bool HasLabels { get; } = hasLabels;

    public int RowCount => Table.RowCount;

    /// <summary>The 0-based index in the file of this part's first data row (0 unless the file was read in chunks).</summary>
    public int FirstRow { get; } = firstRow;

    /// <summary>Whether the schema has a row-key column (otherwise keys are row numbers and unique by construction).</summary>
    public bool HasKeyColumn => keyColumn is not null;

    /// <summary>One key per row: the RowKey column, or the 1-based data row number in the file when the schema has
    /// none. Built on first use (a million row-number strings are not free).</summary>
    public string[] RowKeys => _rowKeys ??= keyColumn is not null
        ? keyColumn.Select(k => k ?? "").ToArray()
        : Enumerable.Range(FirstRow + 1, RowCount).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
}
