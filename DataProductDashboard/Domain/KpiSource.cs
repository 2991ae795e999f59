namespace DataProductDashboard.Domain;

/// <summary>Where a KPI's values come from: uploaded later (UI CSV or API), an aggregate of a batch column (a feature,
/// the label once it arrives, or the prediction), or the misclassification cost of labelled predictions.</summary>
public enum KpiSource { Uploaded, BatchColumn, MisclassificationCost }
