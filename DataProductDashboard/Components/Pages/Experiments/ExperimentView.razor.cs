using System.Globalization;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.ViewModels.Charts;
using DataProductDashboard.ViewModels.Experiments;
using Microsoft.AspNetCore.Components;

namespace DataProductDashboard.Components.Pages.Experiments;

/// <summary>The selected experiment: its header, arms, comparison table (a row picks the charted metric, the primary by
/// default), the per-arm chart and the decision panel.</summary>
public sealed partial class ExperimentView
{
    /// <summary>The product's display time zone (the layout cascades it; UTC elsewhere).</summary>
    [CascadingParameter] public ViewModels.Formatting.ZonedDisplay Zone { get; set; } = ViewModels.Formatting.ZonedDisplay.Utc;

    private IReadOnlyList<ComparisonRow> _rows = [];
    private string? _chartKey;
    private ChartFigure? _figure;
    private int _builtFor = -1;

    [Parameter, EditorRequired] public required ExperimentDetail Detail { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<ExperimentMetric> Metrics { get; set; }
    /// <summary>Bumped by the page on every reload, so the figure is rebuilt then and only then.</summary>
    [Parameter] public int Version { get; set; }
    [Parameter] public EventCallback<ExperimentSummary> OnDecided { get; set; }

    private ExperimentMetric? ChartMetric => _chartKey is null ? null : Metrics.FirstOrDefault(m => m.Key == _chartKey);

    private string MdeText
    {
        get
        {
            var s = Detail.Summary;
            var kind = Metrics.FirstOrDefault(m => m.Key == s.PrimaryMetric)?.Kind ?? ComparisonKind.Mean;
            var mde = s.MinimumDetectableEffect.ToString("0.####", CultureInfo.InvariantCulture);
            return kind == ComparisonKind.Rate ? $"{mde} ({ExperimentDisplay.Difference(s.MinimumDetectableEffect, kind).TrimStart('+')})" : mde;
        }
    }

    protected override void OnParametersSet()
    {
        if (_builtFor == Version)
            return;
        _builtFor = Version;
        _rows = ComparisonRow.From(Detail.Summary, Metrics);
        if (_chartKey is null || Metrics.All(m => m.Key != _chartKey))
            _chartKey = Metrics.Any(m => m.Key == Detail.Summary.PrimaryMetric) ? Detail.Summary.PrimaryMetric : Metrics.FirstOrDefault()?.Key;
        BuildFigure();
    }

    private void SelectMetric(string key)
    {
        _chartKey = key;
        BuildFigure();
    }

    private void BuildFigure()
    {
        if (ChartMetric is not { } metric)
            return;
        var s = Detail.Summary;
        var champion = Detail.Estimates.FirstOrDefault(e => e.Metric == metric.Key && e.Arm == ExperimentArm.Champion);
        var challenger = Detail.Estimates.FirstOrDefault(e => e.Metric == metric.Key && e.Arm == ExperimentArm.Challenger);
        _figure = ArmEstimatesFigureBuilder.Build(metric, champion, challenger, s.ChampionVersion, s.ChallengerVersion,
            metric.Key == s.PrimaryMetric ? s.MinimumDetectableEffect : null, s.Alpha);
    }

    private Task OnDecidedAsync(ExperimentSummary summary) => OnDecided.InvokeAsync(summary);
}
