namespace DataProductDashboard.Scoring.Onnx;

/// <summary>How an ONNX model meets a product, resolved and checked at upload: either one input per feature column
/// (named like the column) or one tensor input <see cref="TensorInput"/> of shape [N, F] with the features in
/// <see cref="FeatureOrder"/>; <see cref="ScoreOutput"/> is the regression value or the binary probability (tensor
/// [N, 2], [N] / [N, 1], or a ZipMap sequence of maps); <see cref="LabelOutput"/> the predicted class, when given.</summary>
public sealed record OnnxBinding(
    IReadOnlyList<string> Inputs,
    string? TensorInput,
    IReadOnlyList<string>? FeatureOrder,
    string ScoreOutput,
    string? LabelOutput,
    string Sha256)
{
    /// <summary>Binary, a probability tensor of shape [N, 2]: the column of the positive class (the classes in sorted
    /// order, as scikit-learn's converters write them).</summary>
    public int PositiveColumn { get; init; } = 1;

    /// <summary>Inputs named like the product's label (models converted from ML.NET carry it through): always fed as
    /// missing, so a label in a batch file never reaches the model.</summary>
    public IReadOnlyList<string> LabelInputs { get; init; } = [];
}
