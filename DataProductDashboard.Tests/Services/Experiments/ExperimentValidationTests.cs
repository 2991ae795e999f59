using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Services.Experiments;

/// <summary>Refused starts and decisions: nothing changes, so they share one harness with two products (one idle, one
/// running an experiment) instead of training models for each case.</summary>
public sealed class ExperimentValidationTests(ExperimentValidationTests.Fixture fixture) : IClassFixture<ExperimentValidationTests.Fixture>
{
    private static readonly Actor Pm = new("pm.alice");

    public sealed class Fixture : IAsyncLifetime
    {
        public ServiceHarness Harness { get; private set; } = null!;

        /// <summary>A binary product with v1 and v2 and no experiment.</summary>
        public int Idle { get; private set; }

        /// <summary>A running accuracy experiment of another product.</summary>
        public int Running { get; private set; }

        public async Task InitializeAsync()
        {
            Harness = await ServiceHarness.CreateAsync();
            Idle = await WithChallengerAsync("Idle risk");
            var busy = await WithChallengerAsync("Busy risk");
            Running = (await Harness.Experiments.StartAsync(busy, new StartExperimentRequest(2, ExperimentMetrics.Accuracy, 0.05, 0.5), Pm, default)).Id;
        }

        private async Task<int> WithChallengerAsync(string name)
        {
            var product = await Harness.CreateBinaryProductAsync(name);
            await Harness.Registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.BinaryCsv(300, seed: 23)), "train-v2.csv",
                new TrainModelRequest(TrainerKind.Sdca, Seed: 5), default);
            return product.Id;
        }

        public async Task DisposeAsync() => await Harness.DisposeAsync();
    }

    [Theory]
    [InlineData(null, "perf.accuracy", 0.05, 0.5, 0.05, 0.8, "challengerVersion")]
    [InlineData(1, "perf.accuracy", 0.05, 0.5, 0.05, 0.8, "challengerVersion")]
    [InlineData(9, "perf.accuracy", 0.05, 0.5, 0.05, 0.8, "challengerVersion")]
    [InlineData(2, "perf.mae", 0.05, 0.5, 0.05, 0.8, "primaryMetric")]
    [InlineData(2, "kpi:999", 0.05, 0.5, 0.05, 0.8, "primaryMetric")]
    [InlineData(2, "perf.accuracy", 0.0, 0.5, 0.05, 0.8, "minimumDetectableEffect")]
    [InlineData(2, "perf.accuracy", 1.5, 0.5, 0.05, 0.8, "minimumDetectableEffect")]
    [InlineData(2, "perf.accuracy", 0.05, 0.99, 0.05, 0.8, "challengerShare")]
    [InlineData(2, "perf.accuracy", 0.05, 0.01, 0.05, 0.8, "challengerShare")]
    [InlineData(2, "perf.accuracy", 0.05, 0.5, 0.0, 0.8, "alpha")]
    [InlineData(2, "perf.accuracy", 0.05, 0.5, 0.25, 0.8, "alpha")]
    [InlineData(2, "perf.accuracy", 0.05, 0.5, 0.05, 0.4, "power")]
    [InlineData(2, "perf.accuracy", 0.05, 0.5, 0.05, 1.0, "power")]
    public async Task Start_InvalidField_NamesTheFieldAndStoresNothing(int? challenger, string metric, double mde, double share, double alpha, double power, string field)
    {
        var h = fixture.Harness;

        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            h.Experiments.StartAsync(fixture.Idle, new StartExperimentRequest(challenger, metric, mde, share, alpha, power), Pm, default));

        Assert.Equal([field], error.Errors.Keys);
        Assert.Equal(0, await h.CountAsync(db => db.Experiments.Where(e => e.ProductId == fixture.Idle)));
    }

    [Theory]
    [InlineData(ExperimentDecision.KeepChampion, "", "reason")]
    [InlineData(ExperimentDecision.KeepChampion, null, "reason")]
    [InlineData(null, "why", "decision")]
    public async Task Decide_MissingDecisionOrReason_NamesTheField(ExperimentDecision? decision, string? reason, string field)
    {
        var h = fixture.Harness;

        var error = await Assert.ThrowsAsync<InputValidationException>(() => h.Experiments.DecideAsync(fixture.Running, decision, reason, Pm, default));

        Assert.Contains(field, error.Errors.Keys);
        Assert.Equal(ExperimentStatus.Running, (await h.Experiments.GetAsync(fixture.Running, default)).Status);
    }

    [Fact]
    public async Task Decide_ReasonLongerThan2000_IsRefused()
    {
        var h = fixture.Harness;

        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            h.Experiments.DecideAsync(fixture.Running, ExperimentDecision.KeepChampion, new string('x', 2001), Pm, default));

        Assert.Contains("2001 characters", error.Errors["reason"][0], StringComparison.Ordinal);
    }
}
