using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;

namespace DataProductDashboard.ViewModels.Gates;

/// <summary>One line over a rule's preview: "Would have failed 3 of the last 10 batches (passed 6, 1 had no value)."
/// <see cref="Worst"/> is the worst judged status (null when none was judged), for the line's colour.</summary>
public sealed record GatePreviewSummary(string Text, GateStatus? Worst, int Failed, int Warnings, int Passed, int Errors, int Skipped)
{
    public const string ReleaseText = "Release gates judge a candidate version when it is promoted, so there is no batch preview.";
    public const string NoBatchesText = "No analyzed batches yet: nothing to preview. The rule will judge the next batch.";

    public static GatePreviewSummary For(GateScope scope, IReadOnlyList<GatePreviewRow> rows)
    {
        if (scope == GateScope.Release)
            return new(ReleaseText, null, 0, 0, 0, 0, 0);
        if (rows.Count == 0)
            return new(NoBatchesText, null, 0, 0, 0, 0, 0);
        int Count(GateStatus s) => rows.Count(r => r.Outcome.Status == s);
        var (failed, warnings, passed, errors, skipped) =
            (Count(GateStatus.Failed), Count(GateStatus.Warning), Count(GateStatus.Passed), Count(GateStatus.Error), Count(GateStatus.Skipped));
        var of = $"of the last {rows.Count} batch{(rows.Count == 1 ? "" : "es")}";
        var head = failed > 0 ? $"Would have failed {failed} {of}"
            : warnings > 0 ? $"Would have warned on {warnings} {of}"
            : passed == rows.Count ? $"Would have passed all {of}"
            : passed > 0 ? $"Would have passed {passed} {of}"
            : $"Could not judge any {of}";
        var details = new List<string>();
        if (failed > 0 && warnings > 0)
            details.Add($"warned on {warnings}");
        if ((failed > 0 || warnings > 0) && passed > 0)
            details.Add($"passed {passed}");
        if (errors > 0)
            details.Add($"{errors} could not be computed");
        if (skipped > 0)
            details.Add($"{skipped} had no value");
        var text = details.Count == 0 ? head + "." : $"{head} ({string.Join(", ", details)}).";
        return new(text, GateEvaluator.Worst(rows.Select(r => r.Outcome.Status)), failed, warnings, passed, errors, skipped);
    }
}
