namespace DataProductDashboard.Analysis.Gates;

/// <summary>The values a gate is judged on: the batch's (or candidate's) metrics, the model's reference values
/// (hold-out metrics, training predictions) and, for release gates, the champion's values on the same evidence.</summary>
public sealed class GateEvidence(
    IReadOnlyDictionary<MetricAddress, double> actual,
    IReadOnlyDictionary<MetricAddress, double>? reference = null,
    IReadOnlyDictionary<MetricAddress, double>? champion = null)
{
    public static GateEvidence Empty { get; } = new(new Dictionary<MetricAddress, double>());

    public IReadOnlyDictionary<MetricAddress, double> Actual { get; } = actual;
    public IReadOnlyDictionary<MetricAddress, double> Reference { get; } = reference ?? new Dictionary<MetricAddress, double>();
    public IReadOnlyDictionary<MetricAddress, double>? Champion { get; } = champion;

    /// <summary>Why a metric of this key may be missing here, for a Skipped outcome's sentence (e.g. "no labels yet").</summary>
    public Func<string, string>? MissingReason { get; init; }

    /// <summary>The product's label unit ("rentals") for error metrics in the label's unit (MAE, RMSE…); null: none.</summary>
    public string? LabelUnit { get; init; }
}
