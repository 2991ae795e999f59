namespace DataProductDashboard.ViewModels.Products;

/// <summary>One stage of the status strip: its name, state, a one-line explanation and where to act.</summary>
public sealed record CycleStage(string Key, string Name, CycleStageState State, string Detail, string? Href);
