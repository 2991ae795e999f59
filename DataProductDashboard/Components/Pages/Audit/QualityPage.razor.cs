using DataProductDashboard.Analysis;
using DataProductDashboard.ViewModels.Audit;
using DataProductDashboard.ViewModels.Charts;

namespace DataProductDashboard.Components.Pages.Audit;

/// <summary>Data quality of the selected batch (cards and per-column table) and its history.</summary>
public sealed partial class QualityPage
{
    private static readonly ChartFigure Empty = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("", []));
    private string? _column;
    private ChartFigure _missing = Empty;
    private ChartFigure _lag = Empty;
    private ChartFigure _volume = Empty;
    private ChartFigure _coverage = Empty;
    private string? _coverageSentence;

    [Microsoft.AspNetCore.Components.Inject] public required Services.Coverage.UncoveredRowsService Uncovered { get; init; }

    protected override async Task LoadPageAsync(CancellationToken ct)
    {
        var columns = Selected?.Audit?.Quality.Columns ?? [];
        _column = columns.Any(c => c.Column == QueryColumn) ? QueryColumn
            : columns.OrderByDescending(c => c.MissingShare).FirstOrDefault(c => c.MissingShare > 0)?.Column;
        var overall = new TimeSeriesLine("All cells", SeriesPoints.From(await SeriesAsync(AuditPoints.MissingShare)));
        TimeSeriesLine[] lines = _column is null
            ? [overall]
            : [overall, new TimeSeriesLine($"'{_column}'", SeriesPoints.From(await SeriesAsync(AuditPoints.ColumnMissingShare, _column)), ChartStyle.Secondary)];
        _missing = TimeSeriesFigureBuilder.Build(Spec("Missing share (% of cells)", lines) with { Percent = true });
        _lag = TimeSeriesFigureBuilder.Build(Spec("Event lag (hours)", new TimeSeriesLine("Event lag", SeriesPoints.From(await SeriesAsync(AuditPoints.EventLagHours)))));
        _volume = TimeSeriesFigureBuilder.Build(Spec("Volume (× usual batch size)",
            new TimeSeriesLine("Volume ratio", SeriesPoints.From(await SeriesAsync(AuditPoints.VolumeRatio)))) with { Threshold = 1, ThresholdLabel = "usual (1 ×)" });
        _coverage = TimeSeriesFigureBuilder.Build(Spec("Rows covered (%)",
            new TimeSeriesLine("Rows covered", SeriesPoints.From(await SeriesAsync(Analysis.Coverage.CoverageResult.RowsKey)))) with { Percent = true, Threshold = 0.95, ThresholdLabel = "95 %" });
        _coverageSentence = Selected is { } selected && await Uncovered.GetCoverageAsync(selected.Batch.Id, ct) is { } coverage
            ? CoverageSentence.Of(selected.Batch.Number, coverage)
            : null;
    }
}
