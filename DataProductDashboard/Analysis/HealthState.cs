namespace DataProductDashboard.Analysis;

/// <summary>Traffic-light state of a stage of the cycle.</summary>
public enum HealthState { Unknown, Green, Amber, Red }
