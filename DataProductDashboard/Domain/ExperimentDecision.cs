namespace DataProductDashboard.Domain;

/// <summary>What a product manager decided on an A/B test: keep it running, ship the challenger (promoted through
/// the release gates) or keep the champion.</summary>
public enum ExperimentDecision { KeepRunning, ShipChallenger, KeepChampion }
