using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Models;

namespace DataProductDashboard.Tests.Services.Experiments;

public sealed class ExperimentStartRulesTests
{
    private static readonly IReadOnlyList<ModelVersionSummary> Versions =
        [Version(1, ModelStatus.Champion), Version(2, ModelStatus.Retired), Version(3, ModelStatus.Candidate), Version(4, ModelStatus.Challenger)];

    [Fact]
    public void Challengers_ChampionAndRetiredVersions_AreLeftOutNewestFirst() =>
        Assert.Equal([4, 3], ExperimentStartRules.Challengers(1, Versions).Select(v => v.Number));

    [Theory]
    [InlineData(1, ModelStatus.Champion, "Version 1 is the champion; the challenger must be another version.")]
    [InlineData(2, ModelStatus.Retired, "Version 2 is retired; promote it back or choose another version.")]
    [InlineData(3, ModelStatus.Candidate, null)]
    public void ChallengerProblem_ByVersion_SaysWhyItCannotChallenge(int number, ModelStatus status, string? expected) =>
        Assert.Equal(expected, ExperimentStartRules.ChallengerProblem(number, status, championVersion: 1));

    [Fact]
    public void BlockedReason_ChampionAndAChallengerAndNothingRunning_IsNull() =>
        Assert.Null(ExperimentStartRules.BlockedReason("Rentals", 1, Versions, []));

    [Fact]
    public void BlockedReason_NoChampion_SaysWhatTheServiceSays() =>
        Assert.Equal(ExperimentStartRules.NoChampion("Rentals"), ExperimentStartRules.BlockedReason("Rentals", null, Versions, []));

    [Fact]
    public void BlockedReason_OnlyRetiredOtherVersions_AsksForASecondVersion() =>
        Assert.Contains("needs a second model version", ExperimentStartRules.BlockedReason("Rentals", 1, Versions.Take(2).ToList(), []));

    [Fact]
    public void BlockedReason_AnExperimentRunning_NamesIt() =>
        Assert.Equal("Experiment 'v3 vs v1' (#7) is still running on 'Rentals': decide it (keep the champion or ship the challenger) before starting another.",
            ExperimentStartRules.BlockedReason("Rentals", 1, Versions, [Running(7, "v3 vs v1")]));

    private static ModelVersionSummary Version(int number, ModelStatus status) => new(number, 1, number, ModelSource.TrainedInApp, "FastTree", status, "m.zip", "h", 1,
        null, null, null, new Dictionary<string, double>(), "", DateTime.UnixEpoch, 0);

    private static ExperimentSummary Running(int id, string name) => new(id, 1, name, 1, 3, 0.5, "perf.accuracy", "Accuracy",
        0.05, 0.05, ExperimentStatus.Running, DateTime.UnixEpoch, null, null, null, null, null, 100, 100, null, [],
        new SampleRatioCheck(100, 100, 0.5, 0, 1), null, null, "/x");
}
