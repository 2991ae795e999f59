using System.Globalization;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Ingestion;

/// <summary>A CSV file read and validated against a product schema.</summary>
public sealed class ParsedCsv(ColumnTable table, string?[]? keyColumn, bool hasLabels)
{
    private string[]? _rowKeys;

    /// <summary>The schema columns found in the file, typed.</summary>
    public ColumnTable Table { get; } = table;

    /// <summary>Whether the file carried the label column.</summary>
    public bool HasLabels { get; } = hasLabels;

    public int RowCount => Table.RowCount;

    /// <summary>Whether the schema has a row-key column (otherwise keys are row numbers and unique by construction).</summary>
    public bool HasKeyColumn => keyColumn is not null;

    /// <summary>One key per row: the RowKey column, or the 1-based data row number when the schema has none. Built on
    /// first use (a million row-number strings are not free).</summary>
    public string[] RowKeys => _rowKeys ??= keyColumn is not null
        ? keyColumn.Select(k => k ?? "").ToArray()
        : Enumerable.Range(1, RowCount).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
}
