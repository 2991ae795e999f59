using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;

namespace DataProductDashboard.Services.Releases;

/// <summary>Whether a model version may become champion: its release-gate outcomes (hold-out metrics and shadow
/// scoring of the latest production batches, against the champion), the critical failures that block it, and the
/// waiver that lifts the block, if any.</summary>
/// <param name="Candidate">The version's release metrics ("holdout.accuracy", "shadow.mae", "shadow.latency_p95_us"…).</param>
/// <param name="Champion">The champion's values on the same evidence; null when the version is the champion or there is none.</param>
public sealed record ReleaseDecision(
    int ProductId, int Version, int? ChampionVersion, DateTime EvaluatedAt, GateStatus? Status,
    IReadOnlyList<GateEvaluationView> Outcomes, IReadOnlyList<string> Blocking, WaiverView? Waiver, bool CanPromote, string Summary,
    int ShadowBatches, int ShadowLabelledRows, IReadOnlyDictionary<string, double> Candidate, IReadOnlyDictionary<string, double>? Champion);
