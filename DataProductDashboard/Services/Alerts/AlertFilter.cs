using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Alerts;

/// <summary>Which alerts to list; null fields do not filter.</summary>
public sealed record AlertFilter(int? ProductId = null, GateSeverity? Severity = null, AlertState? State = null, int Page = 1, int PageSize = 50);
