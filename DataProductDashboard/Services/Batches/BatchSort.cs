namespace DataProductDashboard.Services.Batches;

/// <summary>Columns a batch list can be sorted by.</summary>
public enum BatchSort { ReceivedAt, FileName, Rows, ModelVersion, ScoringSeconds, LatencyP95, PredictionMean }
