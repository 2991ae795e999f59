using System.Globalization;
using DataProductDashboard.Analysis.Models;
using DataProductDashboard.Services.Models;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using ScatterLine = Plotly.Blazor.Traces.ScatterLib.Line;
using ScatterMarker = Plotly.Blazor.Traces.ScatterLib.Marker;

namespace DataProductDashboard.ViewModels.Charts;

/// <summary>The diagnostics of several versions on one figure each: ROC, precision-recall, reliability and score
/// distribution for classifiers; predicted against actual and residuals for regression. One colour per version.</summary>
public static class DiagnosticsFigureBuilder
{
    public static ChartFigure Roc(IReadOnlyList<VersionDiagnostics> versions) => Curves(versions, d => d.Roc,
        d => $"AUC {ModelComparison.Number(d.RocAuc)}", "False-positive rate", "True-positive rate (recall)", diagonal: true,
        "FPR %{x:.3f}, TPR %{y:.3f}<br>threshold %{customdata}");

    public static ChartFigure PrecisionRecall(IReadOnlyList<VersionDiagnostics> versions) => Curves(versions, d => d.PrecisionRecall,
        d => $"AP {ModelComparison.Number(d.AveragePrecision)}", "Recall", "Precision", diagonal: false,
        "recall %{x:.3f}, precision %{y:.3f}<br>threshold %{customdata}");

    public static ChartFigure Calibration(IReadOnlyList<VersionDiagnostics> versions)
    {
        var layout = SquareLayout("Mean predicted probability (bin)", "Share actually positive");
        var traces = new List<ITrace> { Diagonal("Perfectly calibrated") };
        foreach (var (d, color) in Binary(versions))
        {
            traces.Add(new Scatter
            {
                Name = $"v{d.Version} (ECE {ModelComparison.Number(d.Binary!.ExpectedCalibrationError)}, Brier {ModelComparison.Number(d.Binary.Brier)})",
                X = [.. d.Binary.Calibration.Select(b => (object)b.MeanPredicted)],
                Y = [.. d.Binary.Calibration.Select(b => (object)b.FractionPositive)],
                CustomData = [.. d.Binary.Calibration.Select(b => (object)b.Count.ToString("N0", CultureInfo.InvariantCulture))],
                HoverTemplate = "predicted %{x:.3f}, actual %{y:.3f}<br>%{customdata} rows<extra>v" + d.Version + "</extra>",
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Line = new ScatterLine { Color = color, Width = 2 },
                Marker = new ScatterMarker { Color = color, Size = 7 },
            });
        }
        return ChartStyle.Figure(traces, layout, traces.Count == 1);
    }

    /// <summary>Share of each true class per probability bin: solid for rows that are positive, dashed for negative.</summary>
    public static ChartFigure ScoreDistribution(IReadOnlyList<VersionDiagnostics> versions, string positive, string negative)
    {
        var layout = ChartStyle.BaseLayout(340, legend: true);
        layout.XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = $"Predicted probability of '{positive}'" }, Range = [0, 1] }];
        layout.YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "Share of the class's rows" }, TickFormat = ".0%", RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero }];
        var traces = new List<ITrace>();
        foreach (var (d, color) in Binary(versions))
        {
            var b = d.Binary!;
            var centers = b.ScoreEdges.Zip(b.ScoreEdges.Skip(1), (lo, hi) => (object)((lo + hi) / 2)).ToList();
            foreach (var (counts, label, dash) in new[] { (b.PositiveScores, positive, "solid"), (b.NegativeScores, negative, "dash") })
            {
                var total = Math.Max(1, counts.Sum());
                traces.Add(new Scatter
                {
                    Name = $"v{d.Version}: true '{label}'",
                    X = centers,
                    Y = [.. counts.Select(c => (object)((double)c / total))],
                    Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                    Line = new ScatterLine { Color = color, Width = 2, Dash = dash, Shape = Plotly.Blazor.Traces.ScatterLib.LineLib.ShapeEnum.Linear },
                    HoverTemplate = "probability ≈ %{x:.3f}<br>%{y:.1%} of the class<extra>v" + d.Version + " '" + label + "'</extra>",
                });
            }
        }
        return ChartStyle.Figure(traces, layout, traces.Count == 0);
    }

    /// <summary>Predicted against actual on the sampled rows, with the line of perfect predictions.</summary>
    public static ChartFigure PredictedVsActual(IReadOnlyList<VersionDiagnostics> versions, string label)
    {
        var layout = ChartStyle.BaseLayout(380, legend: true);
        layout.XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = $"Actual {label}" } }];
        layout.YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = $"Predicted {label}" } }];
        var traces = new List<ITrace>();
        var all = versions.Where(v => v.Regression is not null).SelectMany(v => v.Regression!.Actual.Concat(v.Regression.Predicted)).ToList();
        if (all.Count > 0)
        {
            var (lo, hi) = (all.Min(), all.Max());
            traces.Add(new Scatter
            {
                Name = "Perfect prediction", X = [lo, hi], Y = [lo, hi], Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                Line = new ScatterLine { Color = ChartStyle.Release, Dash = "dash", Width = 1 }, HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Skip,
            });
        }
        var i = 0;
        foreach (var d in versions.Where(v => v.Regression is not null))
        {
            var color = ChartStyle.Palette[i++ % ChartStyle.Palette.Length];
            traces.Add(new Scatter
            {
                Name = $"v{d.Version} ({d.Regression!.Actual.Length:N0} rows)",
                X = [.. d.Regression.Actual.Select(v => (object)v)],
                Y = [.. d.Regression.Predicted.Select(v => (object)v)],
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Marker = new ScatterMarker { Color = color, Size = 4, Opacity = 0.5m },
                HoverTemplate = "actual %{x:.4g}, predicted %{y:.4g}<extra>v" + d.Version + "</extra>",
            });
        }
        return ChartStyle.Figure(traces, layout, i == 0);
    }

    /// <summary>Residuals (prediction − label) against one feature's value on the sampled rows, with the zero line.</summary>
    public static ChartFigure ResidualsAgainst(IReadOnlyList<VersionDiagnostics> versions, string feature, double[] values, string label)
    {
        var layout = ChartStyle.BaseLayout(360, legend: true);
        layout.XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = feature } }];
        layout.YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = $"Residual: predicted − actual {label}" } }];
        layout.Shapes.Add(new Shape
        {
            Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, XRef = "paper", YRef = "y", X0 = 0, X1 = 1, Y0 = 0, Y1 = 0,
            Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = ChartStyle.Release, Dash = "dash", Width = 1 },
        });
        var traces = new List<ITrace>();
        var i = 0;
        foreach (var d in versions.Where(v => v.Regression is { } r && r.Actual.Length == values.Length))
        {
            var r = d.Regression!;
            var color = ChartStyle.Palette[i++ % ChartStyle.Palette.Length];
            traces.Add(new Scatter
            {
                Name = $"v{d.Version}",
                X = [.. values.Select(v => (object)v)],
                Y = [.. r.Predicted.Select((p, k) => (object)(p - r.Actual[k]))],
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Marker = new ScatterMarker { Color = color, Size = 4, Opacity = 0.5m },
                HoverTemplate = feature + " %{x:.4g}<br>residual %{y:.4g}<extra>v" + d.Version + "</extra>",
            });
        }
        return ChartStyle.Figure(traces, layout, i == 0);
    }

    /// <summary>Permutation importance as horizontal bars, one colour per version, the most important feature on top
    /// (at most <paramref name="top"/> features).</summary>
    public static ChartFigure Importance(IReadOnlyList<FeatureImportance> features, int top = 15)
    {
        var shown = features.Take(top).Reverse().ToList();
        var metric = shown.Count > 0 ? Analysis.Gates.MetricCatalog.NameOf("perf." + shown[0].Metric) : "";
        var layout = ChartStyle.BaseLayout(Math.Max(260, 60 + (shown.Count * 26)), legend: true);
        layout.BarMode = BarModeEnum.Group;
        layout.Margin = new Margin { L = 200, R = 24, T = 40, B = 56 };
        layout.XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = $"How much worse {metric} gets when the feature is shuffled" } }];
        layout.YAxis = [new YAxis()];
        var versions = shown.SelectMany(f => f.Versions.Select(v => v.Version)).Distinct().ToList();
        var traces = new List<ITrace>();
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            traces.Add(new Bar
            {
                Name = $"v{version}",
                Orientation = Plotly.Blazor.Traces.BarLib.OrientationEnum.H,
                Y = [.. shown.Select(f => (object)f.Feature)],
                X = [.. shown.Select(f => (object)(f.Versions.FirstOrDefault(v => v.Version == version)?.Drop ?? 0))],
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = ChartStyle.Palette[i % ChartStyle.Palette.Length] },
                HoverTemplate = "%{y}: %{x:.4g} worse<extra>v" + version + "</extra>",
            });
        }
        return ChartStyle.Figure(traces, layout, shown.Count == 0);
    }

    /// <summary>Residual (prediction − label) histograms, overlaid.</summary>
    public static ChartFigure Residuals(IReadOnlyList<VersionDiagnostics> versions, string label)
    {
        var layout = ChartStyle.BaseLayout(340, legend: true);
        layout.BarMode = BarModeEnum.Overlay;
        layout.XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = $"Residual: predicted − actual {label}" } }];
        layout.YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "Rows" }, RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero }];
        var traces = new List<ITrace>();
        var i = 0;
        foreach (var d in versions.Where(v => v.Regression is not null))
        {
            var r = d.Regression!;
            var color = ChartStyle.Palette[i++ % ChartStyle.Palette.Length];
            var width = r.ResidualEdges.Length > 1 ? r.ResidualEdges[1] - r.ResidualEdges[0] : 1;
            traces.Add(new Bar
            {
                Name = $"v{d.Version} (mean {ModelComparison.Number(r.ResidualMean)}, sd {ModelComparison.Number(r.ResidualStandardDeviation)})",
                X = [.. r.ResidualEdges.Take(r.ResidualCounts.Length).Select(e => (object)(e + (width / 2)))],
                Y = [.. r.ResidualCounts.Select(c => (object)c)],
                Width = double.IsFinite(width) && width is > 0 and < 1e20 ? (decimal)width : null,
                Opacity = 0.55m,
                Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = color },
                HoverTemplate = "residual ≈ %{x:.4g}<br>%{y} rows<extra>v" + d.Version + "</extra>",
            });
        }
        return ChartStyle.Figure(traces, layout, i == 0);
    }

    private static ChartFigure Curves(IReadOnlyList<VersionDiagnostics> versions, Func<BinaryDiagnostics, CurvePoint[]> curve,
        Func<BinaryDiagnostics, string> area, string xTitle, string yTitle, bool diagonal, string hover)
    {
        var layout = SquareLayout(xTitle, yTitle);
        var traces = new List<ITrace>();
        if (diagonal)
            traces.Add(Diagonal("Guessing"));
        foreach (var (d, color) in Binary(versions))
        {
            var points = curve(d.Binary!);
            traces.Add(new Scatter
            {
                Name = $"v{d.Version} ({area(d.Binary!)})",
                X = [.. points.Select(p => (object)p.X)],
                Y = [.. points.Select(p => (object)p.Y)],
                CustomData = [.. points.Select(p => (object)(p.Threshold is { } t ? t.ToString("0.###", CultureInfo.InvariantCulture) : "–"))],
                HoverTemplate = hover + "<extra>v" + d.Version + "</extra>",
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
                Line = new ScatterLine { Color = color, Width = 2 },
            });
        }
        return ChartStyle.Figure(traces, layout, traces.Count == (diagonal ? 1 : 0));
    }

    private static IEnumerable<(VersionDiagnostics Diagnostics, string Color)> Binary(IReadOnlyList<VersionDiagnostics> versions) =>
        versions.Where(v => v.Binary is not null).Select((v, i) => (v, ChartStyle.Palette[i % ChartStyle.Palette.Length]));

    private static Layout SquareLayout(string xTitle, string yTitle)
    {
        var layout = ChartStyle.BaseLayout(360, legend: true);
        layout.XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xTitle }, Range = [0, 1] }];
        layout.YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle }, Range = [0, 1.02] }];
        return layout;
    }

    private static Scatter Diagonal(string name) => new()
    {
        Name = name, X = [0.0, 1.0], Y = [0.0, 1.0], Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines,
        Line = new ScatterLine { Color = ChartStyle.Release, Dash = "dash", Width = 1 }, HoverInfo = Plotly.Blazor.Traces.ScatterLib.HoverInfoFlag.Skip,
    };
}
