namespace DataProductDashboard.ViewModels.Audit;

/// <summary>One row of a confusion matrix: the rows of a true class, counted by the class predicted for them (in the
/// order of the matrix's columns), with the class's support and recall.</summary>
public sealed record ConfusionRow(string TrueClass, IReadOnlyList<long> Predicted, long Support, double Recall);
