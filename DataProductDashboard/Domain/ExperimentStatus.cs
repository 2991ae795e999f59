namespace DataProductDashboard.Domain;

/// <summary>An A/B test splits incoming batches while Running; it is Stopped once a decision ends it.</summary>
public enum ExperimentStatus { Running, Stopped }
