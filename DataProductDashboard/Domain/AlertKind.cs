namespace DataProductDashboard.Domain;

/// <summary>What raised an alert: a gate rule's outcome, the timeliness check (no batch within the expected cadence),
/// a KPI off target for a sustained run (business, data or concept drift), or an A/B test's sample-ratio mismatch.</summary>
public enum AlertKind { Gate, MissingBatch, KpiDrift, Experiment }
