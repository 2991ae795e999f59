using DataProductDashboard.Services.Demo;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Services.Demo;

[Collection(SeededDemoCollection.Name)]
public sealed class DemoSeederTests(SeededDemo demo)
{
    [Fact]
    public async Task Seed_Twice_CreatesTheDemoOnce()
    {
        var harness = demo.Harness;

        var first = await harness.Products.ListAsync(default);
        await harness.Seeder.SeedAsync(default);
        var second = await harness.Products.ListAsync(default);

        Assert.Equal(first, second);
        var bike = Assert.Single(second, p => p.Name == DemoProducts.BikeName);
        var credit = Assert.Single(second, p => p.Name == DemoProducts.CreditName);
        Assert.Equal(TaskType.Regression, bike.Task);
        Assert.Equal(1, bike.ChampionVersion);
        Assert.Equal(17379 - 4250, bike.RowsScored);
        Assert.True(bike.BatchCount >= 78, $"{bike.BatchCount} weekly batches");
        Assert.Equal(TaskType.BinaryClassification, credit.Task);
        Assert.Equal(300, credit.RowsScored);
        Assert.Equal(6, credit.BatchCount);
        // The credit demo runs an A/B test of v2 against v1 on every batch; labelled rows in both arms, far from its sample size.
        var experiment = Assert.Single(await harness.Experiments.ListAsync(credit.Id, default));
        Assert.Equal((ExperimentStatus.Running, 1, 2, "perf.accuracy"), (experiment.Status, experiment.ChampionVersion, experiment.ChallengerVersion, experiment.PrimaryMetric));
        Assert.Equal(300, experiment.ChampionRows + experiment.ChallengerRows);
        Assert.InRange(experiment.Primary!.ChampionCount, 50, 150);
        Assert.InRange(experiment.Primary.ChallengerCount, 50, 150);
        Assert.InRange(experiment.Progress!.Value, 0.01, 0.5);
        Assert.False(experiment.SampleRatio!.Mismatch);
    }

    [Fact]
    public async Task Seed_BikeModel_IsTrainedInAppOnFirstHalfOf2011WithHoldoutMetrics()
    {
        var harness = demo.Harness;
        var bike = (await harness.Products.ListAsync(default)).Single(p => p.Name == DemoProducts.BikeName);

        var version = (await harness.Registry.ListAsync(bike.Id, default)).Single(v => v.Number == 1);

        Assert.Equal(ModelSource.TrainedInApp, version.Source);
        Assert.Equal(ModelStatus.Champion, version.Status);
        Assert.Equal(4250, version.TrainingRows + version.HoldoutRows);
        Assert.True(version.HoldoutMetrics["r2"] > 0.8);
        Assert.Equal((new DateTime(2011, 1, 1), new DateTime(2011, 6, 30)), (version.TrainingFrom, version.TrainingTo));
    }

    [Fact]
    public async Task Seed_BikeChallengers_BetterOnePassesTheReleaseGateOnTheSameRowsAndWorseOneIsBlocked()
    {
        var harness = demo.Harness;
        var bike = (await harness.Products.ListAsync(default)).Single(p => p.Name == DemoProducts.BikeName);

        var versions = (await harness.Registry.ListAsync(bike.Id, default)).ToDictionary(v => v.Number);

        Assert.Equal((ModelStatus.Challenger, GateStatus.Passed), (versions[2].Status, versions[2].ReleaseStatus));
        Assert.Equal((ModelStatus.Challenger, GateStatus.Failed), (versions[3].Status, versions[3].ReleaseStatus));
        // Both scored every batch of 2012 beside v1: their MAE has a point on each labelled one, as the champion's has.
        var champion = await harness.Audits.GetSeriesAsync(bike.Id, "perf.mae", null, null, new DateTime(2012, 1, 3), null, default, modelVersion: 1);
        foreach (var challenger in (int[])[2, 3])
        {
            var shadow = await harness.Audits.GetSeriesAsync(bike.Id, "perf.mae", null, null, null, null, default, modelVersion: challenger);
            Assert.All(shadow, p => Assert.True(p.Shadow));
            Assert.Equal(champion.Select(p => p.BatchId), shadow.Select(p => p.BatchId));
        }
    }

    [Fact]
    public void DemoData_AreByteCopiesOfTheSharedDatasets()
    {
        Assert.Equal(File.ReadAllBytes(RepoPaths.BikeHourCsv), File.ReadAllBytes(Path.Combine(DemoSeeder.DemoDataDirectory, "hour.csv")));
        Assert.Equal(File.ReadAllBytes(RepoPaths.GermanCreditCsv), File.ReadAllBytes(Path.Combine(DemoSeeder.DemoDataDirectory, "german-credit.csv")));
    }
}
