using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Gates;

/// <summary>One stored outcome, for the history table, the batch detail and the API; <see cref="ModelVersion"/> is the
/// version number a release outcome judged.</summary>
public sealed record GateEvaluationView(long Id, int GateRuleId, string RuleName, GateScope Scope, GateSeverity Severity, int? BatchId,
    int? ModelVersionId, GateStatus Status, double? Actual, double? Compared, string Description, DateTime At, int? ModelVersion = null);
