namespace DataProductDashboard.Api.Contracts;

/// <summary>Optional body of POST /api/alerts/{alertId}/resolve: what was done about it.</summary>
public sealed record ResolveAlertRequest(string? Note);
