using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using DataProductDashboard.ViewModels.Audit;
using DataProductDashboard.ViewModels.Charts;

namespace DataProductDashboard.Components.Pages.Audit;

/// <summary>Drift of the selected batch per column, the reference-vs-current overlay of one column (the most drifted
/// by default), and the drift history.</summary>
public sealed partial class DriftPage
{
    private static readonly ChartFigure Empty = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("", []));
    private ChartFigure _multivariate = Empty;
    private string? _column;
    private ChartFigure _overlay = DistributionOverlayFigureBuilder.Build(null);
    private string? _overlayError;
    private string? _overlayCaption;
    private ChartFigure _share = Empty;
    private ChartFigure _score = Empty;
    private string? _scoreCaption;
    private bool _reauditing;

    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required BatchImporter Importer { get; init; }

    private async Task EditSettingsAsync()
    {
        if (!await Guard.DemandAsync(DashboardRoles.ModelEditors))
            return;
        var dialog = await Dialogs.ShowAsync<DriftSettingsDialog>("Drift settings",
            new DialogParameters { [nameof(DriftSettingsDialog.ProductId)] = ProductId },
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false })
            Snackbar.Add("Drift settings saved. They apply to the next batches; re-run the audit to apply them to this one.", Severity.Success);
    }

    private async Task ReauditAsync()
    {
        if (Selected is null || !await Guard.DemandAsync(DashboardRoles.ModelEditors))
            return;
        _reauditing = true;
        try
        {
            var audit = await Importer.ReauditAsync(Selected.Batch.Id, CancellationToken.None);
            Snackbar.Add($"Audit of batch {Selected.Batch.Label} re-run: {audit.Drift.Drifted} of {audit.Drift.Columns} features drifted.", Severity.Success);
        }
        catch (DashboardException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _reauditing = false;
        }
    }

    protected override async Task LoadPageAsync(CancellationToken ct)
    {
        var drift = Selected?.Audit?.Drift;
        _column = QueryColumn == DriftDetector.PredictionColumn && drift?.Prediction is not null
            ? QueryColumn
            : DriftDisplay.DefaultColumn(drift, QueryColumn);
        var result = _column == DriftDetector.PredictionColumn ? drift?.Prediction : drift?.ColumnResults.FirstOrDefault(c => c.Column == _column);
        await LoadOverlayAsync(result, ct);

        var threshold = drift?.ShareThreshold ?? (await Products.GetDriftSettingsAsync(ProductId, ct)).ShareThreshold;
        _share = TimeSeriesFigureBuilder.Build(Spec("Drifted features (% of features)",
            new TimeSeriesLine("Drifted share", SeriesPoints.From(await SeriesAsync(AuditPoints.DriftShare)))) with
        {
            Percent = true, Threshold = threshold, ThresholdLabel = $"dataset drift at {DriftDisplay.Percent(threshold)}",
        });

        _multivariate = TimeSeriesFigureBuilder.Build(Spec("Reconstruction error",
            new TimeSeriesLine("Reconstruction error", SeriesPoints.From(await SeriesAsync(Analysis.Multivariate.MultivariateAccumulator.ErrorKey))),
            new TimeSeriesLine("Upper band", SeriesPoints.From(await SeriesAsync(Analysis.Multivariate.MultivariateAccumulator.UpperKey)), ChartStyle.Secondary, Dashed: true)) with
        {
            FromZero = false,
        });

        if (_column is null || result is null)
        {
            _score = Empty;
            _scoreCaption = null;
            return;
        }
        var points = _column == DriftDetector.PredictionColumn
            ? await SeriesAsync(AuditPoints.PredictionDriftScore)
            : await SeriesAsync(AuditPoints.ColumnDriftScore, _column);
        _score = TimeSeriesFigureBuilder.Build(Spec(result.ScoreKind == ScoreKind.PValue ? "p-value (0–1)" : "Distance (score)", new TimeSeriesLine(_column, SeriesPoints.From(points))) with
        {
            Threshold = result.Threshold,
            ThresholdLabel = $"threshold {DriftDisplay.Score(result.Threshold)}",
        });
        _scoreCaption = result.ScoreKind == ScoreKind.PValue
            ? $"{result.MethodDisplayName}: drift when the p-value is below the threshold ({DriftDisplay.ShortRule(result)})"
            : $"{result.MethodDisplayName}: drift when the distance reaches the threshold ({DriftDisplay.ShortRule(result)})";
    }

    private async Task LoadOverlayAsync(DriftColumnResult? result, CancellationToken ct)
    {
        _overlayError = null;
        _overlayCaption = null;
        _overlay = DistributionOverlayFigureBuilder.Build(null);
        if (Selected is null || _column is null)
            return;
        try
        {
            var distribution = await Audits.GetColumnDistributionAsync(Selected.Batch.Id, _column, ct);
            var axis = _column == DriftDetector.PredictionColumn
                ? ViewModels.Charts.HistogramFigureBuilder.PredictionAxisTitle(Selected.Task, Product?.Schema.Label?.Name, Selected.PositiveClass)
                : DistributionOverlayFigureBuilder.AxisTitle(distribution);
            _overlay = DistributionOverlayFigureBuilder.Build(distribution, axis);
            var per = distribution.Kind == nameof(ColumnKind.Categorical) ? "category" : distribution.PerValue ? "value" : "bin";
            _overlayCaption = result is null ? $"Share of rows per {per}" :
                $"Share of rows per {per} · {result.MethodDisplayName} {DriftDisplay.Score(result.Score)} vs threshold {DriftDisplay.Score(result.Threshold)}";
        }
        catch (DashboardException ex)
        {
            _overlayError = ex.Message;
        }
        catch (IOException ex)
        {
            _overlayError = $"The batch file could not be read: {ex.Message}";
        }
    }
}
