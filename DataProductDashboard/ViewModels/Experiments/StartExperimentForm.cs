using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Models;

namespace DataProductDashboard.ViewModels.Experiments;

/// <summary>What the "New experiment" dialog edits: the newest possible challenger, a 50 % split, the first metric of the
/// task and α 0.05 / power 0.8 by default; the MDE starts at 5 points for rates and empty for means (its unit depends on
/// the data).</summary>
public sealed class StartExperimentForm
{
    public string? Name { get; set; }
    public int? ChallengerVersion { get; set; }
    /// <summary>The challenger's share in percent (the slider), 5–95.</summary>
    public double SharePercent { get; set; } = 50;
    public string? PrimaryMetric { get; set; }
    public double? MinimumDetectableEffect { get; set; }
    public double Alpha { get; set; } = 0.05;
    public double Power { get; set; } = 0.8;
    public string? Hypothesis { get; set; }

    public static StartExperimentForm For(IReadOnlyList<ModelVersionSummary> challengers, IReadOnlyList<ExperimentMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(challengers);
        ArgumentNullException.ThrowIfNull(metrics);
        var metric = metrics.FirstOrDefault();
        return new StartExperimentForm
        {
            ChallengerVersion = challengers.FirstOrDefault()?.Number,
            PrimaryMetric = metric?.Key,
            MinimumDetectableEffect = metric is null ? null : DefaultEffect(metric),
        };
    }

    /// <summary>5 points for a rate; none for a mean (its scale is the data's).</summary>
    public static double? DefaultEffect(ExperimentMetric metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Kind == ComparisonKind.Rate ? 0.05 : null;
    }

    /// <summary>The hint under the MDE field: what unit the number is in.</summary>
    public static string EffectHint(ExperimentMetric? metric) => metric switch
    {
        null => "Choose the primary metric first.",
        { Kind: ComparisonKind.Rate } => $"In {metric.Unit}: an absolute change, e.g. 0.05 = 5 percentage points.",
        _ => $"In {metric.Unit}: the smallest absolute change of the mean worth detecting.",
    };

    public StartExperimentRequest ToRequest() => new(ChallengerVersion, PrimaryMetric, MinimumDetectableEffect, Math.Round(SharePercent / 100, 4), Alpha, Power,
        string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(), string.IsNullOrWhiteSpace(Hypothesis) ? null : Hypothesis.Trim());
}
