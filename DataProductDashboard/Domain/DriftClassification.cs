namespace DataProductDashboard.Domain;

/// <summary>Why a KPI left its target band, judged on the audit of the same periods: the model's performance fell
/// (concept drift), its inputs drifted (data drift), or data and model were stable (business drift: reassess the KPI
/// or the market).</summary>
public enum DriftClassification { BusinessDrift, DataDrift, ConceptDrift }
