using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Gates;

/// <summary>What a rule said about one batch or model version: the status, the value it judged (if any), the
/// reference or champion value a relative rule compared with, and a sentence a product manager can read.</summary>
public sealed record GateOutcome(GateStatus Status, double? Actual, double? Compared, string Description);
