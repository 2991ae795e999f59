namespace DataProductDashboard.ViewModels.Experiments;

/// <summary>What a comparison says about the challenger on one metric.</summary>
public enum Verdict { Undefined, NotSignificant, Better, Worse, Different }
