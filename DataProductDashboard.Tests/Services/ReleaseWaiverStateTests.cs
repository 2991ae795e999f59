using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace DataProductDashboard.Tests.Services;

/// <summary>A waived release gate reads as waived everywhere it is shown (registry, gate tables, release decision,
/// lineage) and its critical alert is resolved by the waiver, with a fake clock for expiry.</summary>
public sealed class ReleaseWaiverStateTests
{
    private static readonly Actor Pm = new("pm.alice");
    private static readonly Actor Bob = new("pm.bob");
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTime Expiry = Start.UtcDateTime.AddDays(7);
    private const string Reason = "Seasonal peak: ship now, retrain next sprint";

    private static readonly GateRuleInput ImpossibleMae =
        new(GateScope.Release, "holdout.mae", null, GateCondition.Lt, 1e-6, GateSeverity.Critical, Name: "Hold-out MAE near zero");

    /// <summary>Two versions, a release gate v2 fails, judged once (its critical alert open).</summary>
    private static async Task<(ServiceHarness H, int ProductId, FakeTimeProvider Clock)> FailingReleaseAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var h = await ServiceHarness.CreateAsync(clock: clock);
        var product = await h.CreateRegressionProductAsync();
        await h.Registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(240, seed: 21)), "train-v2.csv", new TrainModelRequest(TrainerKind.Sdca), default);
        await h.Gates.CreateAsync(product.Id, ImpossibleMae, Pm, default);
        await h.Releases.EvaluateAsync(product.Id, 2, default);
        return (h, product.Id, clock);
    }

    private static async Task<IReadOnlyList<AlertSummary>> AlertsAsync(ServiceHarness h, int productId) =>
        (await h.Alerts.ListAsync(new AlertFilter(productId), default)).Items;

    [Fact]
    public async Task Waive_CriticalReleaseAlertOpen_ResolvesItAsWaivedWithTheWaiverLink()
    {
        var (h, productId, _) = await FailingReleaseAsync();
        await using var _h = h;
        Assert.Equal(AlertState.Open, Assert.Single(await AlertsAsync(h, productId)).State);

        var waiver = await h.Releases.WaiveAsync(productId, 2, Reason, Expiry, Bob, default);

        var alert = Assert.Single(await AlertsAsync(h, productId));
        Assert.Equal((AlertState.Resolved, "pm.bob", waiver.Id), (alert.State, alert.ResolvedBy, alert.WaiverId));
        Assert.Equal($"Waived until 2026-03-09 by pm.bob: {Reason}", alert.ResolutionNote);
        Assert.NotNull(alert.Waiver);
        Assert.Equal(("Waived until 2026-03-09 by pm.bob", $"/products/{productId}/models/2#waiver", Reason), (alert.Waiver.Text, alert.Waiver.Link, alert.Waiver.Reason));
        Assert.Equal((waiver.Text, waiver.Link), (alert.Waiver.Text, alert.Waiver.Link));
        Assert.Equal(alert.Waiver, (await h.Alerts.GetAsync(alert.Id, default)).Waiver);
    }

    [Fact]
    public async Task Evaluate_UnderActiveWaiver_RaisesNoAlertAndEveryViewSaysWaived()
    {
        var (h, productId, _) = await FailingReleaseAsync();
        await using var _h = h;
        await h.Releases.WaiveAsync(productId, 2, Reason, Expiry, Bob, default);

        var decision = await h.Releases.PromoteAsync(productId, 2, Pm, default);

        Assert.DoesNotContain(await AlertsAsync(h, productId), a => a.State != AlertState.Resolved);
        const string text = "Waived until 2026-03-09 by pm.bob";
        var outcome = Assert.Single(decision.Outcomes);
        Assert.Equal((GateStatus.Failed, text), (outcome.Status, outcome.Waiver?.Text));
        var registry = await h.Registry.GetAsync(productId, 2, default);
        Assert.Equal((GateStatus.Failed, text), (registry.ReleaseStatus, registry.Waiver?.Text));
        Assert.Null((await h.Registry.GetAsync(productId, 1, default)).Waiver);
        var rule = Assert.Single(await h.Gates.ListAsync(productId, GateScope.Release, default));
        Assert.Equal((GateStatus.Failed, text), (rule.LastStatus, rule.LastWaiver?.Text));
        var history = Assert.Single((await h.Gates.ListEvaluationsAsync(productId, new EvaluationFilter(Scope: GateScope.Release), default)).Items);
        Assert.Equal((2, text), (history.ModelVersion, history.Waiver?.Text));
        Assert.Equal(text, (await h.Get<ModelLineageService>().GetAsync(productId, 2, default)).Waiver?.Text);
    }

    [Fact]
    public async Task Evaluate_AfterTheWaiverExpired_SaysFailedAgainAndRaisesTheAlert()
    {
        var (h, productId, clock) = await FailingReleaseAsync();
        await using var _h = h;
        await h.Releases.WaiveAsync(productId, 2, Reason, Expiry, Bob, default);

        clock.Advance(TimeSpan.FromDays(8));
        var decision = await h.Releases.EvaluateAsync(productId, 2, default);

        Assert.Null(Assert.Single(decision.Outcomes).Waiver);
        Assert.Null((await h.Registry.GetAsync(productId, 2, default)).Waiver);
        var alerts = await AlertsAsync(h, productId);
        Assert.Equal(2, alerts.Count);
        Assert.Single(alerts, a => a.State == AlertState.Open && a.Waiver is null);
        Assert.Single(alerts, a => a.State == AlertState.Resolved && a.Waiver is not null);
    }
}
