namespace DataProductDashboard.Services.Alerts;

/// <summary>Columns an alert list can be sorted by. Ascending severity is Warning → Critical; ascending state follows the
/// lifecycle Open → Acknowledged → Resolved.</summary>
public enum AlertSort { LastSeen, FirstSeen, Severity, Product, Title, Count, State }
