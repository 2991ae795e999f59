using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Alerts;

/// <summary>An alert as the inbox and the API show it.</summary>
public sealed record AlertSummary(
    int Id, int ProductId, string ProductName, AlertKind Kind, int? GateRuleId, GateSeverity Severity, string Title, string Message,
    string Link, int? BatchId, string? Column, AlertState State, int Count, DateTime FirstSeenAt, DateTime LastSeenAt,
    string? AcknowledgedBy, DateTime? AcknowledgedAt, string? ResolvedBy, DateTime? ResolvedAt, string? ResolutionNote);
