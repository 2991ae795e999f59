namespace DataProductDashboard.Services.Batches;

/// <summary>One stored prediction. Binary products store <paramref name="Predicted"/> and <paramref name="Label"/> as
/// 1 (positive) / 0; <paramref name="PredictedClass"/> and <paramref name="LabelClass"/> name them
/// (<see cref="Domain.ClassNames"/>); both are null for other tasks, and the label's while it has not arrived.</summary>
public sealed record PredictionRow(int RowIndex, string RowKey, double Predicted, double? Score, double? Label,
    string? PredictedClass = null, string? LabelClass = null);
