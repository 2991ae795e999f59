namespace DataProductDashboard.Analysis.Gates;

/// <summary>A default gate a metric proposes, with why; the product manager accepts it in one click or tunes it.</summary>
public sealed record ProposedGate(GateRuleSpec Rule, string Reason);
