namespace DataProductDashboard.Ingestion;

/// <summary>The header and the first rows of a file as text cells (trimmed, unquoted), for inferring a schema.</summary>
public sealed record CsvSample(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows);
