namespace DataProductDashboard.Services.Batches;

/// <summary>Where an import is: stage and rows done of the total.</summary>
public sealed record ImportProgress(ImportStage Stage, int RowsDone, int RowsTotal)
{
    public double Fraction => RowsTotal == 0 ? 0 : Stage switch
    {
        ImportStage.Parsing => 0.05,
        ImportStage.Scoring => 0.1 + (0.5 * RowsDone / RowsTotal),
        ImportStage.Storing => 0.6 + (0.4 * RowsDone / RowsTotal),
        _ => 1,
    };
}
