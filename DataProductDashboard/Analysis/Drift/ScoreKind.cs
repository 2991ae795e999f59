namespace DataProductDashboard.Analysis.Drift;

/// <summary>What a drift score is: a test's p-value (small means drift) or a distance (large means drift).</summary>
public enum ScoreKind { PValue, Distance }
