using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace DataProductDashboard.Tests.Services;

/// <summary>Release gates, shadow scoring, waivers (with a fake clock for expiry), rollback and the trail.</summary>
public sealed class ReleaseServiceTests
{
    private static readonly Actor Pm = new("pm.alice");
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>No model reaches an MAE this small: the gate always fails.</summary>
    private static readonly GateRuleInput ImpossibleMae = new(GateScope.Release, "holdout.mae", null, GateCondition.Lt, 1e-6, GateSeverity.Critical, Name: "Hold-out MAE near zero");

    private static async Task<(ServiceHarness H, int ProductId, FakeTimeProvider Clock)> TwoVersionsAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var h = await ServiceHarness.CreateAsync(clock: clock);
        var product = await h.CreateRegressionProductAsync();
        await h.Registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(240, seed: 21)), "train-v2.csv",
            new TrainModelRequest(TrainerKind.Sdca), default);
        return (h, product.Id, clock);
    }

    [Fact]
    public async Task Promote_CriticalReleaseGateFailing_IsRefusedWithTheReasonAndRecorded()
    {
        var (h, productId, _) = await TwoVersionsAsync();
        await using var _h = h;
        await h.Gates.CreateAsync(productId, ImpossibleMae, Pm, default);

        var error = await Assert.ThrowsAsync<ConflictException>(() => h.Releases.PromoteAsync(productId, 2, Pm, default));

        Assert.Contains("Hold-out MAE near zero", error.Message, StringComparison.Ordinal);
        Assert.Contains("waiver", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await h.Products.GetAsync(productId, default)).ChampionVersion);
        var refused = Assert.Single(await h.Trail.ListAsync(productId, 10, default), t => t.Action == TrailAction.PromotionRefused);
        Assert.Equal("pm.alice", refused.Actor);
        Assert.Equal(GateStatus.Failed, (await h.Registry.GetAsync(productId, 2, default)).ReleaseStatus);
        var alert = Assert.Single((await h.Alerts.ListAsync(new DataProductDashboard.Services.Alerts.AlertFilter(productId), default)).Items);
        Assert.Equal(("Release of v2: Hold-out MAE near zero", GateSeverity.Critical), (alert.Title, alert.Severity));
    }

    [Fact]
    public async Task Promote_CriticalGateThatCannotBeJudged_Blocks()
    {
        var (h, productId, _) = await TwoVersionsAsync();
        await using var _h = h;
        await h.Importer.ImportAsync(productId, TestSchemas.Utf8(TestSchemas.RegressionCsv(60, seed: 100, firstId: 1000)), "w.csv", BatchSource.Api, Start.UtcDateTime);
        // The hold-out has no median absolute error, so "relative to the reference" cannot be computed.
        await h.Gates.CreateAsync(productId, new GateRuleInput(GateScope.Release, "shadow.median_ae", null, GateCondition.RelativeToReference, 50, GateSeverity.Critical,
            Bound: RelativeBound.NotAbove), Pm, default);

        var error = await Assert.ThrowsAsync<ConflictException>(() => h.Releases.PromoteAsync(productId, 2, Pm, default));

        Assert.Contains("no value to compare with", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_WithActiveWaiver_SucceedsAndTheTrailNamesTheWaiver()
    {
        var (h, productId, _) = await TwoVersionsAsync();
        await using var _h = h;
        await h.Gates.CreateAsync(productId, ImpossibleMae, Pm, default);
        await h.Releases.WaiveAsync(productId, 2, "Seasonal peak: ship now, retrain next sprint", Start.UtcDateTime.AddDays(7), new Actor("pm.bob"), default);

        var decision = await h.Releases.PromoteAsync(productId, 2, Pm, default);

        Assert.True(decision.CanPromote);
        Assert.Single(decision.Blocking);
        Assert.Equal(2, (await h.Products.GetAsync(productId, default)).ChampionVersion);
        var trail = await h.Trail.ListAsync(productId, 10, default);
        Assert.Equal([TrailAction.Promoted, TrailAction.Waived, TrailAction.GateCreated, TrailAction.ModelTrained, TrailAction.ModelTrained], trail.Select(t => t.Action));
        Assert.Equal("champion v1", trail[0].Before);
        Assert.Contains("under waiver", trail[0].After, StringComparison.Ordinal);
        Assert.Contains("Seasonal peak", trail[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promote_AfterTheWaiverExpired_IsRefusedAgain()
    {
        var (h, productId, clock) = await TwoVersionsAsync();
        await using var _h = h;
        await h.Gates.CreateAsync(productId, ImpossibleMae, Pm, default);
        await h.Releases.WaiveAsync(productId, 2, "Short exception", Start.UtcDateTime.AddDays(1), Pm, default);

        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<ConflictException>(() => h.Releases.PromoteAsync(productId, 2, Pm, default));
        Assert.False(Assert.Single(await h.Releases.ListWaiversAsync(productId, default)).Active);
    }

    [Fact]
    public async Task Promote_WarningReleaseGateFailing_DoesNotBlock()
    {
        var (h, productId, _) = await TwoVersionsAsync();
        await using var _h = h;
        await h.Gates.CreateAsync(productId, ImpossibleMae with { Severity = GateSeverity.Warning }, Pm, default);

        var decision = await h.Releases.PromoteAsync(productId, 2, Pm, default);

        Assert.Equal(GateStatus.Warning, Assert.Single(decision.Outcomes).Status);
        Assert.Equal(2, (await h.Products.GetAsync(productId, default)).ChampionVersion);
    }

    [Theory]
    [InlineData("", 3, "reason")]
    [InlineData("ok", -1, "expiresAt")]
    [InlineData("ok", 91, "expiresAt")]
    public async Task Waive_InvalidReasonOrExpiry_NamesTheField(string reason, int days, string field)
    {
        var (h, productId, _) = await TwoVersionsAsync();
        await using var _h = h;

        var error = await Assert.ThrowsAsync<InputValidationException>(() => h.Releases.WaiveAsync(productId, 2, reason, Start.UtcDateTime.AddDays(days), Pm, default));

        Assert.Contains(field, error.Errors.Keys);
        Assert.Empty(await h.Releases.ListWaiversAsync(productId, default));
    }

    [Fact]
    public async Task Evaluate_WithLabelledProductionBatches_ShadowScoresCandidateAndChampionOnTheSameRows()
    {
        var (h, productId, _) = await TwoVersionsAsync();
        await using var _h = h;
        for (var i = 0; i < 3; i++)
            await h.Importer.ImportAsync(productId, TestSchemas.Utf8(TestSchemas.RegressionCsv(60, seed: 100 + i, firstId: 1000 * (i + 1))), $"w{i}.csv", BatchSource.Api, Start.UtcDateTime.AddDays(i));
        await h.Gates.CreateAsync(productId, new GateRuleInput(GateScope.Release, "shadow.mae", null, GateCondition.RelativeToChampion, 1000, GateSeverity.Critical,
            Bound: RelativeBound.NotAbove), Pm, default);

        var decision = await h.Releases.EvaluateAsync(productId, 2, default);

        Assert.Equal(3, decision.ShadowBatches);
        Assert.Equal(180, decision.ShadowLabelledRows);
        Assert.True(decision.Candidate["shadow.mae"] > 0);
        Assert.True(decision.Champion!["shadow.mae"] > 0);
        Assert.NotEqual(decision.Candidate["shadow.mae"], decision.Champion["shadow.mae"]);
        Assert.True(decision.Candidate["shadow.latency_p95_us"] > 0);
        var outcome = Assert.Single(decision.Outcomes);
        Assert.Equal(GateStatus.Passed, outcome.Status);
        Assert.Equal(decision.Champion["shadow.mae"], outcome.Compared);
        Assert.Equal(GateStatus.Passed, (await h.Registry.GetAsync(productId, 2, default)).ReleaseStatus);
    }

    [Fact]
    public async Task Evaluate_BatchesWithSomeLabelsArrived_CountsOnlyTheLabelledRows()
    {
        var (h, productId, _) = await TwoVersionsAsync();
        await using var _h = h;
        for (var i = 0; i < 3; i++)
            await h.Importer.ImportAsync(productId, TestSchemas.Utf8(TestSchemas.RegressionCsv(60, seed: 100 + i, withLabel: false, firstId: 1000 * (i + 1))), $"w{i}.csv", BatchSource.Api, Start.UtcDateTime.AddDays(i));
        var labels = new System.Text.StringBuilder("id,cnt\n");
        for (var row = 0; row < 25; row++)
            labels.Append(System.Globalization.CultureInfo.InvariantCulture, $"r{2000 + row},{40 + row}\n");
        await h.Labels.UploadAsync(productId, TestSchemas.Utf8(labels.ToString()), "labels.csv", default);

        var decision = await h.Releases.EvaluateAsync(productId, 2, default);

        Assert.Equal(25, decision.ShadowLabelledRows);
        Assert.Equal(25, decision.Candidate["shadow.labelled_rows"]);
        Assert.True(decision.Candidate["shadow.mae"] > 0);
    }

    [Fact]
    public async Task Evaluate_WithoutProductionBatches_SkipsShadowGatesAndSaysWhy()
    {
        var (h, productId, _) = await TwoVersionsAsync();
        await using var _h = h;
        await h.Gates.CreateAsync(productId, new GateRuleInput(GateScope.Release, "shadow.mae", null, GateCondition.Lt, 5, GateSeverity.Critical), Pm, default);

        var decision = await h.Releases.EvaluateAsync(productId, 2, default);

        var outcome = Assert.Single(decision.Outcomes);
        Assert.Equal(GateStatus.Skipped, outcome.Status);
        Assert.Contains("no production batches to re-score yet", outcome.Description, StringComparison.Ordinal);
        Assert.True(decision.CanPromote);
    }

    [Fact]
    public async Task Rollback_RestoresThePreviousChampionAndRetiresTheCurrentOne()
    {
        var (h, productId, _) = await TwoVersionsAsync();
        await using var _h = h;
        await h.Releases.PromoteAsync(productId, 2, Pm, default);

        var restored = await h.Releases.RollbackAsync(productId, new Actor("ops.carol"), default);

        Assert.Equal((1, ModelStatus.Champion), (restored.Number, restored.Status));
        Assert.Equal(ModelStatus.Retired, (await h.Registry.GetAsync(productId, 2, default)).Status);
        var entry = (await h.Trail.ListAsync(productId, 1, default))[0];
        Assert.Equal((TrailAction.RolledBack, "ops.carol", "champion v2"), (entry.Action, entry.Actor, entry.Before));
        await Assert.ThrowsAsync<ConflictException>(() => h.Releases.RollbackAsync(productId, Pm, default));
    }
}
