namespace DataProductDashboard.Domain;

/// <summary>How a relative gate's tolerance is read: percent of the reference value, or the metric's own unit.</summary>
public enum ToleranceUnit { Percent, Absolute }
