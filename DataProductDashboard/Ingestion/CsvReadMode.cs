namespace DataProductDashboard.Ingestion;

/// <summary>Which columns a CSV file must have.</summary>
public enum CsvReadMode
{
    /// <summary>A production batch: every schema column but the label; the label is optional; no other columns.</summary>
    Batch,

    /// <summary>Training data: every feature and the label; other columns are ignored.</summary>
    Training,
}
