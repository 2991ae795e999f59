namespace DataProductDashboard.Services.Jobs;

/// <summary>How far a running job got: its stage in words and rows done of the total.</summary>
public sealed record JobProgress(string Stage, int RowsDone, int RowsTotal, double Fraction);
