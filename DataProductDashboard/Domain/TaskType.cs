namespace DataProductDashboard.Domain;

/// <summary>What the model of a data product predicts.</summary>
public enum TaskType { BinaryClassification, MulticlassClassification, Regression }
