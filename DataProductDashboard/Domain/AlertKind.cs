namespace DataProductDashboard.Domain;

/// <summary>What raised an alert: a gate rule's outcome, or the timeliness check (no batch within the expected cadence).</summary>
public enum AlertKind { Gate, MissingBatch }
