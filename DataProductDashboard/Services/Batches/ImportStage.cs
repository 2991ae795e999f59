namespace DataProductDashboard.Services.Batches;

/// <summary>The steps of a batch import.</summary>
public enum ImportStage { Queued, Parsing, Scoring, Storing, Done }
