namespace DataProductDashboard.Services.Alerts;

/// <summary>The state choice of an alert list: one <see cref="Domain.AlertState"/>, every unresolved alert (Open and
/// Acknowledged: the inbox default) or all of them.</summary>
public enum AlertStateFilter { Unresolved, Open, Acknowledged, Resolved, All }
