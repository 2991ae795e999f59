namespace DataProductDashboard.Domain;

/// <summary>The period one KPI value covers. Weeks start on Monday (ISO 8601); all periods are UTC.</summary>
public enum KpiPeriod { Day, Week, Month }
