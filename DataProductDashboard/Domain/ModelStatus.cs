namespace DataProductDashboard.Domain;

/// <summary>Lifecycle state of a model version.</summary>
public enum ModelStatus { Candidate, Champion, Challenger, Retired }
