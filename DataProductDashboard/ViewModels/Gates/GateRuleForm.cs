using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;

namespace DataProductDashboard.ViewModels.Gates;

/// <summary>The rule editor's state. It only checks that the rule is complete (metric and numbers given); whether it
/// is valid (bounds in order, a column the product has, a condition the metric allows…) is the service's call, whose
/// errors the editor shows under the matching field.</summary>
public sealed class GateRuleForm
{
    private static readonly GateCondition[] Absolute = [GateCondition.Lte, GateCondition.Lt, GateCondition.Gte, GateCondition.Gt, GateCondition.Eq, GateCondition.Between];
    private static readonly GateCondition[] FlagConditions = [GateCondition.Eq, GateCondition.Lte, GateCondition.Lt];

    public GateScope Scope { get; set; } = GateScope.Batch;
    public string? MetricId { get; set; }
    public GateCondition Condition { get; set; } = GateCondition.Lte;
    public double? Threshold { get; set; }
    public double? UpperThreshold { get; set; }
    public RelativeBound Bound { get; set; } = RelativeBound.NotBelow;
    public ToleranceUnit Unit { get; set; } = ToleranceUnit.Percent;
    public GateSeverity Severity { get; set; } = GateSeverity.Critical;
    public string? Owner { get; set; }
    public string? Name { get; set; }
    public bool Enabled { get; set; } = true;
    /// <summary>"sex=female" to watch the metric in one segment; null for the whole batch (or version).</summary>
    public string? Segment { get; set; }

    public string MetricKey => MetricOption.Parse(MetricId).Key;
    public string? Column => MetricOption.Parse(MetricId).Column;
    public MetricInfo? Metric => MetricCatalog.Find(MetricKey);
    public bool IsRelative => Condition is GateCondition.RelativeToReference or GateCondition.RelativeToChampion;
    public bool IsBetween => Condition == GateCondition.Between;

    public string ThresholdLabel => IsRelative
        ? Unit == ToleranceUnit.Percent ? "Tolerance (%)" : "Tolerance"
        : IsBetween ? "Lower bound" : "Threshold";

    /// <summary>The conditions a rule of this scope on this metric may use: 0/1 verdicts only "= 0" or "≤"; batch rules
    /// compare with the model's reference, release rules also with the champion.</summary>
    public static IReadOnlyList<GateCondition> ConditionsFor(GateScope scope, MetricInfo? metric)
    {
        if (metric is { IsFlag: true })
            return FlagConditions;
        return scope == GateScope.Batch
            ? [.. Absolute, GateCondition.RelativeToReference]
            : [.. Absolute, GateCondition.RelativeToChampion, GateCondition.RelativeToReference];
    }

    public IReadOnlyList<GateCondition> Conditions => ConditionsFor(Scope, Metric);

    /// <summary>Keeps the condition one the scope and metric allow (a 0/1 verdict defaults to "= 0").</summary>
    public void NormalizeCondition()
    {
        if (Conditions.Contains(Condition))
            return;
        Condition = Conditions[0];
        if (Metric is { IsFlag: true })
            Threshold ??= 0;
    }

    /// <summary>What is missing before the rule can be previewed or saved, keyed by the service's field names.</summary>
    public IReadOnlyDictionary<string, string> Missing()
    {
        var missing = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(MetricKey))
            missing["metricKey"] = "Choose a metric.";
        if (Threshold is null)
            missing["threshold"] = IsRelative ? "Enter a tolerance." : IsBetween ? "Enter the lower bound." : "Enter a threshold.";
        if (IsBetween && UpperThreshold is null)
            missing["upperThreshold"] = "Enter the upper bound.";
        return missing;
    }

    public bool IsComplete => Missing().Count == 0;

    /// <summary>The rule as the service takes it; null while incomplete.</summary>
    public GateRuleInput? ToInput() => IsComplete
        ? new GateRuleInput(Scope, MetricKey, Column, Condition, Threshold!.Value, Severity, IsBetween ? UpperThreshold : null, Bound, Unit,
            string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(), string.IsNullOrWhiteSpace(Owner) ? null : Owner.Trim(), Enabled,
            Metric is { PerSegment: true } && !string.IsNullOrWhiteSpace(Segment) ? Segment.Trim() : null)
        : null;

    /// <summary>The rule in words ("Missing share of 'temp' ≤ 0.05"), the name's placeholder; null while incomplete.</summary>
    public string? Text => ToInput() is { } input ? GateRuleText.Describe(input.ToSpec()) : null;

    public static GateRuleForm From(GateRuleInput input) => new()
    {
        Scope = input.Scope,
        MetricId = MetricOption.IdOf(input.MetricKey, input.Column),
        Condition = input.Condition,
        Threshold = input.Threshold,
        UpperThreshold = input.UpperThreshold,
        Bound = input.Bound,
        Unit = input.Unit,
        Severity = input.Severity,
        Owner = input.Owner,
        Name = input.Name,
        Enabled = input.Enabled,
        Segment = input.Segment,
    };

    /// <summary>A stored rule for editing. A rule without a name lists its text as its name; that is not kept as a name,
    /// so the text keeps following the rule.</summary>
    public static GateRuleForm From(GateRuleView rule) => From(InputOf(rule));

    /// <summary>The stored rule as the service takes it back (an unnamed rule stays unnamed).</summary>
    public static GateRuleInput InputOf(GateRuleView rule) => rule.ToInput() with { Name = rule.Name == rule.Text ? null : rule.Name };
}
