using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Alerts;

/// <summary>Which alerts to list and in which order; null fields do not filter. <see cref="UnresolvedOnly"/> keeps Open and
/// Acknowledged alerts and combines with <see cref="State"/>. Ties are broken by last seen (newest first), then id.</summary>
public sealed record AlertFilter(int? ProductId = null, GateSeverity? Severity = null, AlertState? State = null, int Page = 1, int PageSize = 50,
    bool UnresolvedOnly = false, AlertSort Sort = AlertSort.LastSeen, bool Descending = true, IReadOnlySet<int>? OnlyProducts = null)
{
    /// <summary>This filter with the state choice of a URL or a select.</summary>
    public AlertFilter WithState(AlertStateFilter state) => state switch
    {
        AlertStateFilter.Unresolved => this with { State = null, UnresolvedOnly = true },
        AlertStateFilter.Open => this with { State = AlertState.Open, UnresolvedOnly = false },
        AlertStateFilter.Acknowledged => this with { State = AlertState.Acknowledged, UnresolvedOnly = false },
        AlertStateFilter.Resolved => this with { State = AlertState.Resolved, UnresolvedOnly = false },
        _ => this with { State = null, UnresolvedOnly = false },
    };
}
