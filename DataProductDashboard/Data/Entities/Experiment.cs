using DataProductDashboard.Domain;

namespace DataProductDashboard.Data.Entities;

/// <summary>An A/B test of two model versions: while running, each incoming row is scored by the arm a stable hash
/// of its row key puts it in; a decision (with who and why) ends it.</summary>
public sealed class Experiment
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public required string Name { get; set; }
    public string Hypothesis { get; set; } = "";
    public int ChampionVersionId { get; set; }
    public int ChallengerVersionId { get; set; }
    /// <summary>Share of rows (0–1) routed to the challenger.</summary>
    public double ChallengerShare { get; set; } = 0.5;
    /// <summary>The metric the decision rests on: a model metric key (e.g. "perf.accuracy", "perf.mae") or a KPI
    /// ("kpi:{id}").</summary>
    public required string PrimaryMetric { get; set; }
    /// <summary>Smallest absolute difference worth detecting, in the primary metric's unit.</summary>
    public double MinimumDetectableEffect { get; set; }
    public double Alpha { get; set; } = 0.05;
    public double Power { get; set; } = 0.8;
    public ExperimentStatus Status { get; set; }
    public DateTime StartedAt { get; set; }
    public string StartedBy { get; set; } = "";
    public DateTime? StoppedAt { get; set; }
    public ExperimentDecision? Decision { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
    /// <summary>Bumped with every change of the arm statistics of its batches (same transaction): a cached merge of
    /// them is current while its version is this one.</summary>
    public long StatisticsVersion { get; set; }
}
