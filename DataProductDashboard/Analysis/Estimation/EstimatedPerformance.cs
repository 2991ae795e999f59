namespace DataProductDashboard.Analysis.Estimation;

/// <summary>Binary-classification performance estimated without labels by <see cref="ConfidenceBasedEstimator"/>
/// (NannyML's CBPE) over <paramref name="Rows"/> rows. A metric whose expected denominator is 0 is NaN, as is the ROC
/// AUC when the expected count of positives or of negatives is 0.</summary>
public sealed record EstimatedPerformance(int Rows, double Accuracy, double Precision, double Recall, double F1, double RocAuc);
