using DataProductDashboard.Domain;
using Microsoft.ML;

namespace DataProductDashboard.Scoring;

/// <summary>A registered model that can score a product's rows: an ML.NET model, or an ONNX model run by ONNX Runtime.
/// Both give the same outputs (regression value; binary class and positive-class probability) and per-row latency.</summary>
public interface IScoringModel
{
    ScoreResult Score(ColumnTable table, ProductSchema schema, TaskType task, IProgress<int>? rowsDone, CancellationToken ct);
}

/// <summary>An ML.NET model (the zip mlContext.Model.Save writes, or one trained here).</summary>
public sealed class MlNetModel(ITransformer transformer) : IScoringModel
{
    public ITransformer Transformer { get; } = transformer;

    public ScoreResult Score(ColumnTable table, ProductSchema schema, TaskType task, IProgress<int>? rowsDone, CancellationToken ct) =>
        ModelScorer.Score(Transformer, table, schema, task, rowsDone, ct);
}
