namespace DataProductDashboard.ViewModels.Gates;

/// <summary>A row of the outcome chart: a rule's id and name, in the order the page lists rules.</summary>
public sealed record GateHistoryRule(int Id, string Name);
