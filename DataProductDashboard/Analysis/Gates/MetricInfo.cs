using DataProductDashboard.Domain;

namespace DataProductDashboard.Analysis.Gates;

/// <summary>What a metric key means: display name, family, scope, whether it is per column, which direction is
/// better (null when neither is), its unit and a plain explanation for hover help.</summary>
public sealed record MetricInfo(string Key, string Name, MetricFamily Family, GateScope Scope, bool PerColumn,
    bool? LowerIsBetter, string Unit, string Explanation)
{
    /// <summary>A 0/1 verdict (drift detected, late…): gates on it use Eq 0.</summary>
    public bool IsFlag => Unit == MetricCatalog.FlagUnit;

    /// <summary>Counts (rows, features, gaps) and flags read as whole numbers: "40", not "40.000".</summary>
    public bool IsCount => IsFlag || Unit is "rows" or "features" or "gaps";

    /// <summary>The tasks whose products have this metric (regression errors, classifier scores); null: every task.</summary>
    public IReadOnlySet<TaskType>? Tasks { get; init; }

    /// <summary>Whether the metric is also measured per segment value ("sex=female"), so a gate may name a segment.</summary>
    public bool PerSegment { get; init; }

    /// <summary>The batches the metric's verdict is read over: 1 for a metric of the batch alone; for concept drift the
    /// rolling window of the latest labelled batches (the per-batch verdict is one of its batches), for fairness the
    /// window each point is measured over. An alert of a rule on such a metric is resolved by the system only when the
    /// rule passed on every batch of the window, not when one batch passes.</summary>
    public int WindowBatches { get; init; } = 1;

    /// <summary>Whether a product of <paramref name="task"/> has this metric.</summary>
    public bool AppliesTo(TaskType task) => Tasks is null || Tasks.Contains(task);
}
