using DataProductDashboard.Domain;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Models;

namespace DataProductDashboard.ViewModels.Experiments;

/// <summary>When a new experiment can start, and which versions can be its challenger.</summary>
public static class StartRules
{
    /// <summary>Versions that can challenge the champion: any other version that is not retired, newest first.</summary>
    public static IReadOnlyList<ModelVersionSummary> Challengers(int? championVersion, IReadOnlyList<ModelVersionSummary> versions) =>
        versions.Where(v => v.Number != championVersion && v.Status != ModelStatus.Retired).OrderByDescending(v => v.Number).ToList();

    /// <summary>Why a new experiment cannot start now; null when it can.</summary>
    public static string? BlockedReason(int? championVersion, IReadOnlyList<ModelVersionSummary> versions, IReadOnlyList<ExperimentSummary> experiments)
    {
        if (championVersion is null)
            return "This product has no champion yet: register or train a model version first (Models page).";
        if (experiments.FirstOrDefault(e => e.Status == ExperimentStatus.Running) is { } running)
            return $"Experiment “{running.Name}” is running: decide it before starting another (one experiment at a time).";
        if (Challengers(championVersion, versions).Count == 0)
            return $"An experiment needs a second model version to compare with champion v{championVersion}: train or upload one on the Models page (retired versions cannot be challengers).";
        return null;
    }
}
