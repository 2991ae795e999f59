namespace DataProductDashboard.Domain;

/// <summary>Where a model version comes from.</summary>
public enum ModelSource { Uploaded, TrainedInApp }
