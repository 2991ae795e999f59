namespace DataProductDashboard.Services.Batches;

/// <summary>One stored prediction.</summary>
public sealed record PredictionRow(int RowIndex, string RowKey, double Predicted, double? Score, double? Label);
