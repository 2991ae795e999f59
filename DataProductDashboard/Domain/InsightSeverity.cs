namespace DataProductDashboard.Domain;

/// <summary>How much an insight asks of its reader: nothing (Info), a look (Warning), action (Critical).</summary>
public enum InsightSeverity { Info, Warning, Critical }
