namespace DataProductDashboard.ViewModels.Products;

/// <summary>Where a data product stands in one stage of the operationalization cycle: Done (green), ActionNeeded
/// (amber), Failing (red) or NotConfigured (grey).</summary>
public enum CycleStageState { Done, ActionNeeded, NotConfigured, Failing }
