namespace DataProductDashboard.Domain;

/// <summary>The arm of an A/B test a row falls in: the champion (control) or the challenger (treatment). Stored as
/// 0 / 1 on each prediction.</summary>
public enum ExperimentArm { Champion = 0, Challenger = 1 }
