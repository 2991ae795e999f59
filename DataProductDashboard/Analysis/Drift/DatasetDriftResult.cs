namespace DataProductDashboard.Analysis.Drift;

/// <summary>Drift over all feature columns: dataset drift when the drifted share reaches the threshold; prediction
/// drift is drift of the model output against its output on the reference data.</summary>
public sealed record DatasetDriftResult(
    int Columns,
    int Drifted,
    double Share,
    double ShareThreshold,
    bool Drift,
    IReadOnlyList<DriftColumnResult> ColumnResults,
    DriftColumnResult? Prediction);
