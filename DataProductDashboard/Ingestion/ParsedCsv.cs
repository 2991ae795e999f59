using DataProductDashboard.Domain;

namespace DataProductDashboard.Ingestion;

/// <summary>A CSV file read and validated against a product schema.</summary>
/// <param name="Table">The schema columns found in the file, typed.</param>
/// <param name="RowKeys">One key per row: the RowKey column, or the 1-based data row number when the schema has none.</param>
/// <param name="HasLabels">Whether the file carried the label column.</param>
public sealed record ParsedCsv(ColumnTable Table, string[] RowKeys, bool HasLabels)
{
    public int RowCount => Table.RowCount;
}
