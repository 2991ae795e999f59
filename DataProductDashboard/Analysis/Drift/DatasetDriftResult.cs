namespace DataProductDashboard.Analysis.Drift;

/// <summary>Drift over all feature columns: dataset drift when the drifted share reaches the threshold; prediction
/// drift is drift of the model output against its output on the reference data. <see cref="Columns"/>,
/// <see cref="Drifted"/> and <see cref="Share"/> count the features that decide dataset drift: seasonal ones
/// (<see cref="DriftColumnResult.Seasonal"/>) are in <see cref="ColumnResults"/> but not in those counts.</summary>
/// <param name="SampledFrom">When the batch had more rows than a numeric drift test takes, the batch's row count: the
/// numeric columns and the prediction were then tested on a seeded uniform sample (their <c>CurrentCount</c>), the
/// categorical columns on every row. Null when every row was tested.</param>
/// <param name="SampleRows">The rows of that sample (null when every row was tested).</param>
/// <param name="Reference">The reference the batch was measured against (null in audits stored before reference
/// windows: training data).</param>
public sealed record DatasetDriftResult(
    int Columns,
    int Drifted,
    double Share,
    double ShareThreshold,
    bool Drift,
    IReadOnlyList<DriftColumnResult> ColumnResults,
    DriftColumnResult? Prediction,
    long? SampledFrom = null,
    int? SampleRows = null,
    DriftReference? Reference = null);
