using DataProductDashboard.Domain;
using DataProductDashboard.Services.Models;

namespace DataProductDashboard.Services.Experiments;

/// <summary>When an A/B test can start and which versions can challenge the champion, defined once: the service
/// enforces these rules (<see cref="ExperimentService.StartAsync"/>) and the Experiments page explains them before the
/// user tries, in the same words.</summary>
public static class ExperimentStartRules
{
    /// <summary>Why version <paramref name="number"/> cannot challenge champion v<paramref name="championVersion"/>; null
    /// when it can (any other version that is not retired).</summary>
    public static string? ChallengerProblem(int number, ModelStatus status, int? championVersion) =>
        number == championVersion ? $"Version {number} is the champion; the challenger must be another version."
        : status == ModelStatus.Retired ? $"Version {number} is retired; promote it back or choose another version."
        : null;

    /// <summary>Versions that can challenge the champion, newest first.</summary>
    public static IReadOnlyList<ModelVersionSummary> Challengers(int? championVersion, IReadOnlyList<ModelVersionSummary> versions) =>
        versions.Where(v => ChallengerProblem(v.Number, v.Status, championVersion) is null).OrderByDescending(v => v.Number).ToList();

    /// <summary>An experiment splits rows between the champion and a challenger: without a champion there is none.</summary>
    public static string NoChampion(string productName) =>
        $"'{productName}' has no champion yet: register or train a model version first.";

    /// <summary>A/B tests split rows between two versions and compare per-arm metrics that exist for regression and
    /// binary classification only.</summary>
    public static string Multiclass(string productName) =>
        $"A/B tests of multiclass products are not supported yet ('{productName}'): compare versions on the same rows (Models → Compare) or shadow-score a challenger instead.";

    /// <summary>One experiment at a time per product.</summary>
    public static string StillRunning(string productName, string experimentName, int experimentId) =>
        $"Experiment '{experimentName}' (#{experimentId}) is still running on '{productName}': decide it (keep the champion or ship the challenger) before starting another.";

    /// <summary>Why a new experiment of the product cannot start now; null when it can.</summary>
    public static string? BlockedReason(string productName, int? championVersion, IReadOnlyList<ModelVersionSummary> versions,
        IReadOnlyList<ExperimentSummary> experiments, TaskType task = TaskType.Regression)
    {
        if (task == TaskType.MulticlassClassification)
            return Multiclass(productName);
        if (championVersion is null)
            return NoChampion(productName);
        if (experiments.FirstOrDefault(e => e.Status == ExperimentStatus.Running) is { } running)
            return StillRunning(productName, running.Name, running.Id);
        if (Challengers(championVersion, versions).Count == 0)
            return $"An experiment needs a second model version to compare with champion v{championVersion}: train or upload one on the Models page (retired versions cannot be challengers).";
        return null;
    }
}
