namespace DataProductDashboard.Domain;

/// <summary>How a batch column becomes one KPI value per period: sum, mean or count of the non-missing values.</summary>
public enum KpiAggregate { Sum, Mean, Count }
