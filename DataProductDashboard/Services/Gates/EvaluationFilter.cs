using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Gates;

/// <summary>Which stored outcomes to list; null fields do not filter.</summary>
public sealed record EvaluationFilter(int? RuleId = null, GateStatus? Status = null, DateTime? From = null, DateTime? To = null,
    GateScope? Scope = null, int Page = 1, int PageSize = 100);
