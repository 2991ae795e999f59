namespace DataProductDashboard.Domain;

/// <summary>The outcome of one gate rule on one batch or model version, from best to worst except the last two:
/// Error when the value cannot be computed, Skipped when the rule does not apply.</summary>
public enum GateStatus { Passed, Warning, Failed, Error, Skipped }
