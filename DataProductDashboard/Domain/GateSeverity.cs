namespace DataProductDashboard.Domain;

/// <summary>How bad a failing gate is: a Warning never blocks, a Critical failure blocks a release.</summary>
public enum GateSeverity { Warning, Critical }
