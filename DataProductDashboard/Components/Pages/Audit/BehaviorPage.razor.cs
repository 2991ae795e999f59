using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.Labels;
using DataProductDashboard.Services.Models;
using DataProductDashboard.ViewModels.Audit;
using DataProductDashboard.ViewModels.Charts;
using DataProductDashboard.ViewModels.Formatting;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Pages.Audit;

/// <summary>Prediction distribution, latency and running time over time, and performance against the hold-out value
/// with the concept-drift verdicts once labels arrive; labels are uploaded here.</summary>
public sealed partial class BehaviorPage
{
    private static readonly ChartFigure Empty = TimeSeriesFigureBuilder.Build(new TimeSeriesSpec("", []));
    private BatchDetail? _latest;
    private AuditHealth? _health;
    private ChartFigure _performance = Empty;
    private ChartFigure _predictions = Empty;
    private ChartFigure _latency = Empty;
    private ChartFigure _running = Empty;
    private ChartFigure _segmentPerformance = Empty;
    private ChartFigure _segmentPredictions = Empty;
    private IReadOnlyList<string> _segmentAttributes = [];
    private string _segmentAttribute = "";
    private string _segmentMetricName = "";
    private string _metricTitle = "Performance over time";
    private string? _estimateSentence;
    private string? _metricCaption;
    private string? _predictionCaption;

    [Inject] public required ModelRegistryService Models { get; init; }
    [Inject] public required Services.Segments.SegmentQueries Segments { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }

    private string HealthIcon => _health?.Behavior switch
    {
        HealthState.Red => Icons.Material.Filled.Error,
        HealthState.Amber => Icons.Material.Filled.Warning,
        HealthState.Green => Icons.Material.Filled.CheckCircle,
        _ => Icons.Material.Outlined.HelpOutline,
    };

    private Color HealthColor => _health?.Behavior switch
    {
        HealthState.Red => Color.Error,
        HealthState.Amber => Color.Warning,
        HealthState.Green => Color.Success,
        _ => Color.Default,
    };

    protected override async Task LoadPageAsync(CancellationToken ct)
    {
        var product = Product!;
        var labelled = BatchList.FirstOrDefault(b => b.LabelledRows > 0);
        _latest = labelled is null ? null : labelled.Id == Selected?.Batch.Id ? Selected : await Batches.GetDetailAsync(labelled.Id, ct);
        _health = await Audits.GetHealthAsync(ProductId, ct);

        var regression = product.Task == TaskType.Regression;
        var metric = regression ? "mae" : "accuracy";
        var version = Selected?.Batch.ModelVersion ?? product.ChampionVersion;
        double? holdout = null;
        if (version is { } number)
        {
            var summary = await Models.GetAsync(ProductId, number, ct);
            holdout = summary.HoldoutMetrics.TryGetValue(metric, out var h) ? h : null;
        }
        var values = await SeriesWithShadowAsync(PerformancePoints.Prefix + metric);
        var shadowVersions = ViewModels.Models.VersionSeries.ShadowVersions(InWindow(values));
        var band = SeriesPoints.Band(await SeriesAsync(PerformancePoints.ConceptLow), await SeriesAsync(PerformancePoints.ConceptHigh));
        var label = product.Schema.Label?.Name ?? "label";
        _metricTitle = $"{MetricNames.Display(metric)} over time";
        _metricCaption = (regression ? $"Mean absolute error on labelled rows ({label} units); lower is better." : "Share of labelled rows whose predicted class is the true class; higher is better.")
            + (holdout is null ? "" : $" Dashed red: hold-out of v{version}.") + " Band: 95 % confidence interval."
            + (shadowVersions.Count == 0 ? "" : $" Dashed: {string.Join(", ", shadowVersions.Select(v => $"v{v}"))} scored beside the champion on the same rows (shadow).");
        var lines = ViewModels.Models.VersionSeries.Lines(values, shadowVersions.Count == 0 ? MetricNames.Display(metric) : $"{MetricNames.Display(metric)} · champion").ToList();
        var estimates = product.Task != TaskType.MulticlassClassification ? await SeriesAsync(Analysis.Estimation.PerformanceEstimate.Prefix + metric) : [];
        TimeSeriesBand? estimateBand = null;
        _estimateSentence = null;
        if (estimates.Count > 0)
        {
            var errors = await SeriesAsync(Analysis.Estimation.PerformanceEstimate.StandardErrorPrefix + metric);
            lines.Add(new TimeSeriesLine($"Estimated {MetricNames.Display(metric).ToLowerInvariant()} (before labels)", SeriesPoints.From(estimates), ChartStyle.Tertiary, Dashed: true));
            estimateBand = new TimeSeriesBand("estimate ± 3 SE", SeriesPoints.MeanStd(estimates, errors, 3), ChartStyle.Tertiary);
            _metricCaption += " Dashed with the second band: the estimate made as each batch arrived, before its labels (± 3 standard errors).";
            _estimateSentence = EstimateCheck.Of(InWindow(estimates), InWindow(errors), InWindow(values).Where(v => !v.Shadow).ToList()).Sentence(v => regression
                    ? Display.Number(v) + $" {label} units"
                    : $"{(v * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} percentage points")
                ?? (regression ? "Estimated by a model of the champion's errors (DLE) as each batch arrives; labels will show how close it was."
                    : "Estimated from the model's calibrated confidence (CBPE) as each batch arrives; labels will show how close it was.");
        }
        _performance = TimeSeriesFigureBuilder.Build(Spec(regression ? $"MAE ({label} units)" : "Accuracy (%)", [.. lines]) with
        {
            // The measured value's interval and, beside it, the band of the estimate made before the labels came.
            Band = new TimeSeriesBand("95 % CI", band),
            MoreBands = estimateBand is null ? [] : [estimateBand],
            Threshold = holdout,
            ThresholdLabel = holdout is { } ho ? $"hold-out v{version}: {(regression ? Display.Number(ho) : DriftDisplay.Percent(ho))}" : null,
            Percent = !regression,
            FromZero = regression,
        });

        if (regression)
        {
            var mean = await SeriesAsync(MetricKeys.PredictionMean);
            var std = await SeriesAsync(MetricKeys.PredictionStd);
            _predictions = TimeSeriesFigureBuilder.Build(Spec($"Predicted {label} (label units)", new TimeSeriesLine("Mean", SeriesPoints.From(mean))) with
            {
                Band = new TimeSeriesBand("Mean ± std", SeriesPoints.MeanStd(mean, std)),
            });
            _predictionCaption = "Mean prediction of each batch, shaded ± one standard deviation";
        }
        else if (product.Task == TaskType.MulticlassClassification)
        {
            var names = ClassNames.Multiclass(product.Schema);
            var shares = new List<TimeSeriesLine>();
            for (var k = 0; k < names.Count; k++)
                shares.Add(new TimeSeriesLine(names[k], SeriesPoints.From(await SeriesAsync(MetricKeys.ClassShare, names[k])), ChartStyle.Palette[k % ChartStyle.Palette.Length],
                    Dashed: k >= ChartStyle.Palette.Length));
            _predictions = TimeSeriesFigureBuilder.Build(Spec("Rows predicted as the class (%)", [.. shares]) with { Percent = true });
            _predictionCaption = $"Share of each batch's rows predicted as each class ({label}); the shares of a batch add up to 100 %";
        }
        else
        {
            var classes = ClassNames.For(product.Schema);
            _predictions = TimeSeriesFigureBuilder.Build(Spec($"Predicted {classes.Positive} (% of rows)",
                new TimeSeriesLine($"Share predicted {classes.Positive}", SeriesPoints.From(await SeriesAsync(MetricKeys.PositiveShare)))) with { Percent = true });
            _predictionCaption = $"Share of rows predicted as the positive class ({label} = {classes.Positive}); the rest are predicted {classes.Negative}";
        }
        _latency = TimeSeriesFigureBuilder.Build(Spec("Latency per row (µs)",
            new TimeSeriesLine("p50", SeriesPoints.From(await SeriesAsync(MetricKeys.LatencyP50)), ChartStyle.Tertiary),
            new TimeSeriesLine("p95", SeriesPoints.From(await SeriesAsync(MetricKeys.LatencyP95)), ChartStyle.Primary),
            new TimeSeriesLine("p99", SeriesPoints.From(await SeriesAsync(MetricKeys.LatencyP99)), ChartStyle.Secondary)) with
        {
            ClipOutliers = true, Unit = "µs",
        });
        _running = TimeSeriesFigureBuilder.Build(Spec("Scoring time (seconds)",
            new TimeSeriesLine("Scoring", SeriesPoints.From(await SeriesAsync(MetricKeys.ScoringSeconds)))) with
        {
            ClipOutliers = true, Unit = "s",
        });
        await LoadSegmentsAsync(product, metric, ct);
    }

    /// <summary>The chosen segment attribute's values, each a line: its performance and its predictions per batch.</summary>
    private async Task LoadSegmentsAsync(Services.Products.ProductDetail product, string metric, CancellationToken ct)
    {
        _segmentAttributes = Analysis.Segments.SegmentAttributes.Of(product.Schema);
        if (_segmentAttributes.Count == 0)
            return;
        _segmentAttribute = _segmentAttributes.Contains(QueryColumn ?? "") ? QueryColumn! : _segmentAttributes[0];
        _segmentMetricName = MetricNames.Display(metric);
        var prefix = _segmentAttribute + "=";
        var segments = (await Segments.ListAsync(ProductId, ct)).Where(s => s.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var regression = product.Task == TaskType.Regression;
        var predictionKey = product.Task == TaskType.BinaryClassification ? MetricKeys.PositiveShare : MetricKeys.PredictionMean;
        var performance = new List<TimeSeriesLine>();
        var predictions = new List<TimeSeriesLine>();
        for (var i = 0; i < segments.Count; i++)
        {
            var (color, dashed) = (ChartStyle.Palette[i % ChartStyle.Palette.Length], i >= ChartStyle.Palette.Length);
            var name = segments[i][prefix.Length..];
            performance.Add(new TimeSeriesLine(name, SeriesPoints.From(await SegmentSeriesAsync(PerformancePoints.Prefix + metric, segments[i])), color, Dashed: dashed));
            predictions.Add(new TimeSeriesLine(name, SeriesPoints.From(await SegmentSeriesAsync(predictionKey, segments[i])), color, Dashed: dashed));
        }
        _segmentPerformance = TimeSeriesFigureBuilder.Build(Spec(regression ? $"MAE per {_segmentAttribute}" : $"Accuracy per {_segmentAttribute} (%)", [.. performance]) with
        {
            Percent = !regression,
            FromZero = regression,
        });
        _segmentPredictions = TimeSeriesFigureBuilder.Build(Spec(product.Task == TaskType.BinaryClassification
            ? $"Predicted {ClassNames.For(product.Schema).Positive} per {_segmentAttribute} (%)" : $"Mean prediction per {_segmentAttribute}", [.. predictions]) with
        {
            Percent = product.Task == TaskType.BinaryClassification,
        });
    }

    private async Task<IReadOnlyList<Services.Audit.MetricSeriesPoint>> SegmentSeriesAsync(string key, string segment) =>
        Times.Place(await Audits.GetSeriesAsync(ProductId, key, null, segment, null, null, Token, includeShadow: false));

    /// <summary>Binary: the class names the performance summary shows instead of 0 / 1.</summary>
    private ClassNames? Classes => Product is { } product ? ClassNames.For(product.Task, product.Schema) : null;

    private async Task UploadLabelsAsync()
    {
        if (!await Guard.DemandAsync(DashboardRoles.Uploaders))
            return;
        var schema = Product!.Schema;
        var dialog = await Dialogs.ShowAsync<UploadLabelsDialog>("Upload labels", new DialogParameters
        {
            [nameof(UploadLabelsDialog.ProductId)] = ProductId,
            [nameof(UploadLabelsDialog.RowKey)] = schema.RowKey?.Name ?? Services.Batches.GeneratedKeys.ColumnName,
            [nameof(UploadLabelsDialog.GeneratedKeys)] = schema.RowKey is null,
            [nameof(UploadLabelsDialog.Label)] = schema.Label?.Name ?? "label",
            [nameof(UploadLabelsDialog.Classes)] = Classes,
        }, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: LabelUploadResult r })
            Snackbar.Add($"{Display.Count(r.PredictionsLabelled)} predictions labelled in {r.Batches.Count} batches", Severity.Success);
        // The page reloads through ProductEvents once the labels are stored.
    }
}
