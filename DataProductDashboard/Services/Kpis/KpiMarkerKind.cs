namespace DataProductDashboard.Services.Kpis;

/// <summary>What a marker on a KPI's time axis stands for: a model version became champion, a batch's inputs drifted
/// (dataset drift), or a batch failed a gate.</summary>
public enum KpiMarkerKind { Release, DataDrift, FailedGate }
