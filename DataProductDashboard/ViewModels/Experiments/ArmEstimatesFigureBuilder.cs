using System.Globalization;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Domain;
using DataProductDashboard.ViewModels.Charts;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using ErrorY = Plotly.Blazor.Traces.ScatterLib.ErrorY;
using ScatterMarker = Plotly.Blazor.Traces.ScatterLib.Marker;
using ShapeLine = Plotly.Blazor.LayoutLib.ShapeLib.Line;

namespace DataProductDashboard.ViewModels.Experiments;

/// <summary>One metric of an A/B test per arm: each arm's estimate as a marker with its own (1 − α) confidence interval as
/// error bars, and dashed lines at the champion's estimate ± the minimum detectable effect (the difference the test is
/// sized to find). Rates read as percentages.</summary>
public static class ArmEstimatesFigureBuilder
{
    public const string ChampionColor = ChartStyle.Reference;
    public const string ChallengerColor = ChartStyle.Primary;

    public static ChartFigure Build(ExperimentMetric metric, ArmEstimate? champion, ArmEstimate? challenger, int championVersion, int challengerVersion,
        double? minimumDetectableEffect, double alpha, int height = 320)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var layout = ChartStyle.BaseLayout(height, legend: false);
        var rate = metric.Kind == ComparisonKind.Rate;
        var championLabel = $"Champion v{championVersion}";
        var challengerLabel = $"Challenger v{challengerVersion}";
        layout.XAxis = [new XAxis
        {
            Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "Arm (model version)" },
            Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category,
            CategoryArray = [championLabel, challengerLabel],
            CategoryOrder = Plotly.Blazor.LayoutLib.XAxisLib.CategoryOrderEnum.Array,
            Range = [-0.6, 1.6],
        }];
        layout.YAxis = [new YAxis
        {
            Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = YTitle(metric) },
            TickFormat = rate ? ".0%" : null,
            AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True,
        }];
        var traces = new List<ITrace>();
        if (champion is not null)
            traces.Add(Arm(championLabel, champion, ChampionColor, rate, alpha));
        if (challenger is not null)
            traces.Add(Arm(challengerLabel, challenger, ChallengerColor, rate, alpha));
        if (traces.Count == 0)
            return ChartStyle.Figure(traces, layout, true);
        if (champion is not null && minimumDetectableEffect is { } mde && mde > 0)
        {
            MdeLine(layout, champion.Estimate + mde, $"champion + MDE ({ExperimentDisplay.Difference(mde, metric.Kind)})");
            MdeLine(layout, champion.Estimate - mde, $"champion − MDE");
        }
        return ChartStyle.Figure(traces, layout, false);
    }

    /// <summary>"Accuracy (share of labelled rows)", "MAE (label units)".</summary>
    public static string YTitle(ExperimentMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Kind == ComparisonKind.Rate ? $"{metric.Name} (%)" : $"{metric.Name} ({metric.Unit})";
    }

    private static Scatter Arm(string label, ArmEstimate estimate, string color, bool rate, double alpha)
    {
        var hasInterval = double.IsFinite(estimate.Low) && double.IsFinite(estimate.High);
        var kind = rate ? ComparisonKind.Rate : ComparisonKind.Mean;
        var interval = hasInterval
            ? $"{ExperimentDisplay.Confidence(alpha)} CI {ExperimentDisplay.Value(estimate.Low, kind)} – {ExperimentDisplay.Value(estimate.High, kind)}"
            : "too few observations for an interval";
        return new Scatter
        {
            Name = label,
            X = [label],
            Y = [estimate.Estimate],
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
            Marker = new ScatterMarker { Color = color, Size = 14 },
            ErrorY = hasInterval
                ? new ErrorY
                {
                    Type = Plotly.Blazor.Traces.ScatterLib.ErrorYLib.TypeEnum.Data, Symmetric = false, Visible = true, Color = color, Thickness = 2, Width = 10,
                    Array = [estimate.High - estimate.Estimate], ArrayMinus = [estimate.Estimate - estimate.Low],
                }
                : null,
            HoverTextArray = [$"{label}<br>{ExperimentDisplay.Value(estimate.Estimate, kind)} ({interval})<br>n = {estimate.Count.ToString("N0", CultureInfo.InvariantCulture)}"],
            HoverTemplate = "%{hovertext}<extra></extra>",
        };
    }

    private static void MdeLine(Layout layout, double y, string label)
    {
        layout.Shapes.Add(new Shape
        {
            Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line,
            XRef = "paper", YRef = "y", X0 = 0, X1 = 1, Y0 = y, Y1 = y,
            Line = new ShapeLine { Color = ChartStyle.Threshold, Dash = "dash", Width = 1.5m },
        });
        layout.Annotations.Add(new Annotation
        {
            Text = label, XRef = "paper", X = 0.5, YRef = "y", Y = y, ShowArrow = false,
            XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Center,
            YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom,
            Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Color = ChartStyle.Threshold, Size = 11 },
        });
    }
}
