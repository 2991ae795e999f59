namespace DataProductDashboard.Ingestion;

/// <summary>The header and the first rows of a file as text cells (trimmed, unquoted), for inferring a schema;
/// <see cref="Truncated"/> when the file has more rows than were read.</summary>
public sealed record CsvSample(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows, bool Truncated = false);
