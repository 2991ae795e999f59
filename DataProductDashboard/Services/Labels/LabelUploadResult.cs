namespace DataProductDashboard.Services.Labels;

/// <summary>What a label upload changed.</summary>
/// <param name="Rows">Label rows in the file.</param>
/// <param name="PredictionsLabelled">Predictions that received a label (a key scored in several batches counts each time).</param>
/// <param name="Batches">Ids of the batches whose metrics were recomputed.</param>
public sealed record LabelUploadResult(int Rows, int PredictionsLabelled, IReadOnlyList<int> Batches)
{
    /// <summary>The same batches' numbers within the product ("#3"), in the same order.</summary>
    public IReadOnlyList<int> BatchNumbers { get; init; } = [];
}
