namespace DataProductDashboard.Domain;

/// <summary>Lifecycle of a background job.</summary>
public enum JobState { Queued, Running, Succeeded, Failed }
