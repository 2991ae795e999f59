namespace DataProductDashboard.ViewModels.Products;

/// <summary>Where a data product stands in one stage of the operationalization cycle.</summary>
public enum CycleStageState { Done, ActionNeeded, NotConfigured }
