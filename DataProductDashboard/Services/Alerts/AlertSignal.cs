using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Alerts;

/// <summary>Something that should raise (or update) an alert: deduplicated by <see cref="Key"/> within the product.</summary>
public sealed record AlertSignal(int ProductId, AlertKind Kind, string Key, GateSeverity Severity, string Title, string Message, string Link,
    DateTime At, int? GateRuleId = null, int? BatchId = null, string? Column = null);
