namespace DataProductDashboard.Analysis;

/// <summary>Turns the latest audit into traffic lights for the overview's status strip, with the reason in words.</summary>
public sealed record AuditHealth(HealthState Quality, string QualityReason, HealthState Drift, string DriftReason,
    HealthState Behavior = HealthState.Unknown, string BehaviorReason = "No labels yet: performance is unknown.")
{
    public const double MissingAmber = 0.05;
    public const double MissingRed = 0.20;
    public const double UnseenAmber = 0.05;

    public static AuditHealth Unknown { get; } = new(HealthState.Unknown, "No audited batch yet.", HealthState.Unknown, "No audited batch yet.");

    public static AuditHealth Of(AuditResult audit)
    {
        var q = audit.Quality;
        var worstMissing = q.Columns.OrderByDescending(c => c.MissingShare).FirstOrDefault();
        var worstUnseen = q.Columns.OrderByDescending(c => c.UnseenShare).FirstOrDefault();
        (HealthState, string) quality = worstMissing is { MissingShare: > MissingRed }
            ? (HealthState.Red, $"{worstMissing.MissingShare:P0} of '{worstMissing.Column}' is missing.")
            : worstMissing is { MissingShare: > MissingAmber }
                ? (HealthState.Amber, $"{worstMissing.MissingShare:P0} of '{worstMissing.Column}' is missing.")
                : worstUnseen is { UnseenShare: > UnseenAmber }
                    ? (HealthState.Amber, $"{worstUnseen.UnseenShare:P0} of '{worstUnseen.Column}' are categories the model never saw.")
                    : q.DuplicateRowKeys > 0
                        ? (HealthState.Amber, $"{q.DuplicateRowKeys} duplicate row keys.")
                        : q.Late
                            ? (HealthState.Amber, $"Late: {q.HoursSincePreviousBatch:0} h after the previous batch (usually {q.UsualIntervalHours:0} h).")
                        : q.VolumeRatio is < 0.5 or > 2
                            ? (HealthState.Amber, $"Batch size is {q.VolumeRatio:0.0}× the usual.")
                            : (HealthState.Green, "Complete, valid and unique.");
        var d = audit.Drift;
        (HealthState, string) drift = d.Drift
            ? (HealthState.Red, $"Dataset drift: {d.Drifted} of {d.Columns} features drifted.")
            : d.Drifted > 0
                ? (HealthState.Amber, $"{d.Drifted} of {d.Columns} features drifted: {string.Join(", ", d.ColumnResults.Where(c => c.Drift && !c.Seasonal).Select(c => c.Column).Take(4))}.")
                : d.Prediction is { Drift: true }
                    ? (HealthState.Amber, "The prediction distribution drifted.")
                    : (HealthState.Green, $"No drift in {d.Columns} features.");
        return new AuditHealth(quality.Item1, quality.Item2, drift.Item1, drift.Item2);
    }

    /// <summary>Adds the concept-drift light from the newest labelled batch: red when its performance is worse than
    /// the hold-out beyond noise, amber when only the rolling window is.</summary>
    public AuditHealth WithBehavior(Performance.PerformanceResult performance)
    {
        var batch = performance.ConceptDrift;
        var window = performance.Window;
        static string Describe(Performance.ConceptDriftResult r)
        {
            var (name, format) = r.Metric == "mae" ? ("MAE", "0.00") : ("accuracy", "0.000");
            string F(double? v) => v?.ToString(format, System.Globalization.CultureInfo.InvariantCulture) ?? "–";
            return $"{name} {F(r.Value)} (95 % CI {F(r.Low)}–{F(r.High)}) vs hold-out {F(r.Holdout)}";
        }
        return batch.Verdict switch
        {
            Performance.ConceptDriftVerdict.Degraded => this with { Behavior = HealthState.Red, BehaviorReason = $"Concept drift: {Describe(batch)}." },
            _ when window?.Verdict == Performance.ConceptDriftVerdict.Degraded => this with { Behavior = HealthState.Amber, BehaviorReason = $"Degrading over the last {performance.WindowBatches} labelled batches: {Describe(window)}." },
            Performance.ConceptDriftVerdict.InsufficientData => this with { Behavior = HealthState.Unknown, BehaviorReason = $"Too few labelled rows ({batch.Count}) to judge performance." },
            _ => this with { Behavior = HealthState.Green, BehaviorReason = $"Performing as in hold-out: {Describe(batch)}." },
        };
    }
}
