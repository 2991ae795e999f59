namespace DataProductDashboard.Domain;

/// <summary>Lifecycle of an alert: raised, seen by someone, dealt with.</summary>
public enum AlertState { Open, Acknowledged, Resolved }
