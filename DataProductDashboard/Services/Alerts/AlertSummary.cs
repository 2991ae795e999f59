using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Alerts;

/// <summary>An alert as the inbox and the API show it.</summary>
public sealed record AlertSummary(
    int Id, int ProductId, string ProductName, AlertKind Kind, int? GateRuleId, GateSeverity Severity, string Title, string Message,
    string Link, int? BatchId, string? Column, AlertState State, int Count, DateTime FirstSeenAt, DateTime LastSeenAt,
    string? AcknowledgedBy, DateTime? AcknowledgedAt, string? ResolvedBy, DateTime? ResolvedAt, string? ResolutionNote)
{
    /// <summary><see cref="BatchId"/>'s number within the product ("#3").</summary>
    public int? BatchNumber { get; init; }

    /// <summary>The release waiver that resolved the alert (a failing release gate of a waived version), if any.</summary>
    public int? WaiverId { get; init; }

    /// <summary><see cref="WaiverId"/>'s waiver: "Waived until 2026-12-31 by pm.alice", its reason and link.</summary>
    public WaiverState? Waiver { get; init; }
}
