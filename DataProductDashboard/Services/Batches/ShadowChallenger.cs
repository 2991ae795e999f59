namespace DataProductDashboard.Services.Batches;

/// <summary>A version marked Challenger: it scores the first <see cref="PreparedBatch.ShadowRows"/> rows of each
/// production batch beside the champion (shadow scoring), so both are measured on identical rows.</summary>
public sealed record ShadowChallenger(int VersionId, int Number, string FileHash);

/// <summary>What a challenger's shadow scoring of a batch cost and gave: rows scored, seconds, per-row latency and the
/// profile of its predictions (the "shadow-scoring" run).</summary>
public sealed record ShadowScoring(int Rows, double Seconds, Scoring.LatencyPercentiles LatencyMicros, Analysis.PredictionProfile Profile);
