namespace DataProductDashboard.Domain;

/// <summary>Processing state of a batch.</summary>
public enum BatchStatus { Queued, Scoring, Analyzed, Rejected, Failed }
