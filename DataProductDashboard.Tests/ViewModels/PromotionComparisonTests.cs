using DataProductDashboard.Domain;
using DataProductDashboard.Services.Models;
using DataProductDashboard.ViewModels.Models;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class PromotionComparisonTests
{
    internal static ModelVersionSummary Version(int number, ModelStatus status, Dictionary<string, double> metrics, int holdoutRows = 100) =>
        new(number, 1, number, ModelSource.TrainedInApp, "FastTree", status, $"v{number}.zip", new string('a', 64), 1000, 1.5, 400,
            holdoutRows, metrics, "", new DateTime(2026, 1, number, 0, 0, 0, DateTimeKind.Utc), 0);

    [Fact]
    public void For_ChampionAndCandidate_OneRowPerMetricOfEitherInUsualOrder()
    {
        var champion = Version(1, ModelStatus.Champion, new() { ["rmse"] = 20, ["mae"] = 12, ["r2"] = 0.8 });
        var candidate = Version(2, ModelStatus.Candidate, new() { ["mae"] = 10, ["r2"] = 0.7, ["custom"] = 1 });

        var comparison = PromotionComparison.For(candidate, champion);

        Assert.Equal(["mae", "rmse", "r2", "custom"], comparison.Rows.Select(r => r.Key));
        var mae = comparison.Rows[0];
        Assert.Equal(("MAE", 12.0, 10.0, 1), (mae.Name, mae.Champion, mae.Candidate, mae.CandidateBetter));
        var rmse = comparison.Rows[1];
        Assert.Null(rmse.Candidate);
        Assert.Null(rmse.CandidateBetter);
        Assert.Equal(-1, comparison.Rows[2].CandidateBetter);
    }

    [Fact]
    public void For_NoChampion_ListsTheCandidateAlone()
    {
        var comparison = PromotionComparison.For(Version(1, ModelStatus.Candidate, new() { ["accuracy"] = 0.75 }), null);

        Assert.Null(comparison.Champion);
        Assert.Equal("Accuracy", Assert.Single(comparison.Rows).Name);
    }
}
