using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Gates;

/// <summary>One stored outcome, for the history table, the batch detail and the API; <see cref="ModelVersion"/> is the
/// version number a release outcome judged.</summary>
public sealed record GateEvaluationView(long Id, int GateRuleId, string RuleName, GateScope Scope, GateSeverity Severity, int? BatchId,
    int? ModelVersionId, GateStatus Status, double? Actual, double? Compared, string Description, DateTime At, int? ModelVersion = null)
{
    /// <summary>The judged batch's number within its product ("#3"); null for release outcomes.</summary>
    public int? BatchNumber { get; init; }

    /// <summary>A blocking release outcome (a failure, or a critical gate that could not judge) of a version with an
    /// active waiver: the waiver that lifts it ("Waived until 2026-12-31 by pm.alice"). Null otherwise.</summary>
    public WaiverState? Waiver { get; init; }
}
