using System.Globalization;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace DataProductDashboard.Tests.Services;

/// <summary>Batch gates evaluated at import, deduplicated alerts, the missing-batch check and the audit trail, on a
/// temp SQLite database with a fake clock.</summary>
public sealed class GateAlertTests
{
    private static readonly Actor Pm = new("pm.alice");
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Fails on batches of 10 rows or more: the row count is known without labels or drift.</summary>
    private static GateRuleInput SmallBatches(GateSeverity severity = GateSeverity.Critical) =>
        new(GateScope.Batch, "batch.rows", null, GateCondition.Lt, 10, severity, Name: "Batches stay small");

    private static byte[] Rows(int count, int firstId) => TestSchemas.Utf8(TestSchemas.RegressionCsv(count, seed: firstId, withLabel: false, firstId: firstId));

    private static async Task<List<Alert>> AlertsAsync(ServiceHarness h)
    {
        await using var db = await h.DbFactory.CreateDbContextAsync();
        return await db.Alerts.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task Import_FailingGate_StoresTheOutcomeAndRaisesOneAlert()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var rule = await h.Gates.CreateAsync(product.Id, SmallBatches(), Pm, default);

        var batch = await h.Importer.ImportAsync(product.Id, Rows(40, 1000), "big.csv", BatchSource.Api);

        var outcome = Assert.Single(await h.Gates.ListForBatchAsync(batch.Id, default));
        Assert.Equal(GateStatus.Failed, outcome.Status);
        Assert.Equal("Rows 40 ≥ threshold 10", outcome.Description);
        var alert = Assert.Single(await AlertsAsync(h));
        Assert.Equal((AlertState.Open, GateSeverity.Critical, 1, rule.Id, batch.Id), (alert.State, alert.Severity, alert.Count, alert.GateRuleId, alert.BatchId));
        Assert.Equal("Batches stay small", alert.Title);
        Assert.Equal($"/batches/{batch.Id}", alert.Link);
        Assert.True(h.Outbox.Reader.TryRead(out var queued));
        Assert.Equal(alert.Id, queued);
    }

    [Fact]
    public async Task Import_SameRuleFailingOnConsecutiveBatches_UpdatesOneOpenAlert()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        await h.Gates.CreateAsync(product.Id, SmallBatches(), Pm, default);

        var first = await h.Importer.ImportAsync(product.Id, Rows(40, 1000), "one.csv", BatchSource.Api, Start.UtcDateTime);
        var second = await h.Importer.ImportAsync(product.Id, Rows(30, 2000), "two.csv", BatchSource.Api, Start.UtcDateTime.AddDays(1));
        var third = await h.Importer.ImportAsync(product.Id, Rows(20, 3000), "three.csv", BatchSource.Api, Start.UtcDateTime.AddDays(2));

        var alert = Assert.Single(await AlertsAsync(h));
        Assert.Equal(3, alert.Count);
        Assert.Equal(first.ReceivedAt, alert.FirstSeenAt);
        Assert.Equal(third.ReceivedAt, alert.LastSeenAt);
        Assert.Equal(third.Id, alert.BatchId);
        Assert.Contains("batch #" + third.Number, alert.Message, StringComparison.Ordinal);
        Assert.True(h.Outbox.Reader.TryRead(out _));
        Assert.False(h.Outbox.Reader.TryRead(out _)); // the repeats were not sent again
        _ = second;
    }

    [Fact]
    public async Task Import_RulePassingAgain_ResolvesTheAlertAndTheNextFailureOpensANewOne()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        await h.Gates.CreateAsync(product.Id, SmallBatches(), Pm, default);

        await h.Importer.ImportAsync(product.Id, Rows(40, 1000), "big.csv", BatchSource.Api, Start.UtcDateTime);
        var small = await h.Importer.ImportAsync(product.Id, Rows(5, 2000), "small.csv", BatchSource.Api, Start.UtcDateTime.AddDays(1));
        await h.Importer.ImportAsync(product.Id, Rows(40, 3000), "big-again.csv", BatchSource.Api, Start.UtcDateTime.AddDays(2));

        var alerts = await AlertsAsync(h);
        Assert.Equal(2, alerts.Count);
        Assert.Equal(AlertState.Resolved, alerts[0].State);
        Assert.Equal("system", alerts[0].ResolvedBy);
        Assert.Contains($"Passed on batch #{small.Number}", alerts[0].ResolutionNote, StringComparison.Ordinal);
        Assert.Equal((AlertState.Open, 1), (alerts[1].State, alerts[1].Count));
    }

    [Fact]
    public async Task Import_WarningRule_RaisesAWarningAlert()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        await h.Gates.CreateAsync(product.Id, SmallBatches(GateSeverity.Warning), Pm, default);

        var batch = await h.Importer.ImportAsync(product.Id, Rows(40, 1000), "big.csv", BatchSource.Api);

        Assert.Equal(GateStatus.Warning, Assert.Single(await h.Gates.ListForBatchAsync(batch.Id, default)).Status);
        Assert.Equal(GateSeverity.Warning, Assert.Single(await AlertsAsync(h)).Severity);
    }

    [Fact]
    public async Task Import_DisabledRule_IsNotEvaluated()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        await h.Gates.CreateAsync(product.Id, SmallBatches() with { Enabled = false }, Pm, default);

        var batch = await h.Importer.ImportAsync(product.Id, Rows(40, 1000), "big.csv", BatchSource.Api);

        Assert.Empty(await h.Gates.ListForBatchAsync(batch.Id, default));
        Assert.Empty(await AlertsAsync(h));
    }

    [Fact]
    public async Task Labels_ArrivingLater_TurnASkippedPerformanceGateIntoAnOutcome()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        await h.Gates.CreateAsync(product.Id, new GateRuleInput(GateScope.Batch, "perf.mae", null, GateCondition.Lt, 0.001, GateSeverity.Critical), Pm, default);
        var batch = await h.Importer.ImportAsync(product.Id, Rows(30, 1000), "b.csv", BatchSource.Api);
        var before = Assert.Single(await h.Gates.ListForBatchAsync(batch.Id, default));

        var labels = "id,cnt\n" + string.Concat(Enumerable.Range(1000, 30).Select(i => string.Create(CultureInfo.InvariantCulture, $"r{i},{i % 50}\n")));
        await h.Labels.UploadAsync(product.Id, TestSchemas.Utf8(labels), "labels.csv", default);

        Assert.Equal(GateStatus.Skipped, before.Status);
        Assert.Equal("MAE: no value here (no labels yet).", before.Description);
        var after = Assert.Single(await h.Gates.ListForBatchAsync(batch.Id, default));
        Assert.Equal(GateStatus.Failed, after.Status);
        Assert.StartsWith("MAE ", after.Description, StringComparison.Ordinal);
        Assert.Single(await AlertsAsync(h));
    }

    [Fact]
    public async Task Preview_ShowsWhatARuleWouldHaveSaidOnTheLastTenBatchesNewestFirst()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        for (var i = 0; i < 12; i++)
            await h.Importer.ImportAsync(product.Id, Rows(i % 2 == 0 ? 5 : 20, 1000 + (i * 100)), $"b{i}.csv", BatchSource.Api, Start.UtcDateTime.AddDays(i));

        var preview = await h.Gates.PreviewAsync(product.Id, SmallBatches(), default);

        Assert.Equal(GateService.PreviewBatches, preview.Count);
        Assert.Equal("b11.csv", preview[0].FileName);
        Assert.Equal(5, preview.Count(p => p.Outcome.Status == GateStatus.Failed));
        Assert.Equal(5, preview.Count(p => p.Outcome.Status == GateStatus.Passed));
        Assert.Empty(await AlertsAsync(h));
    }

    [Fact]
    public async Task Metrics_OfferTheKeysTheProductHasWithCurrentValues()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        await h.Importer.ImportAsync(product.Id, Rows(40, 1000), "b.csv", BatchSource.Api);

        var metrics = await h.Gates.GetMetricsAsync(product.Id, default);

        Assert.Equal(40, metrics.Single(m => m.Key == "batch.rows").Value);
        Assert.Contains(metrics, m => m is { Key: "dq.column.missing_share", Column: "hum", Value: 0 });
        Assert.Contains(metrics, m => m is { Key: "perf.mae", Value: null });
        Assert.DoesNotContain(metrics, m => m.Key == "perf.accuracy");
    }

    [Fact]
    public async Task Proposals_LeaveOutGatesTheProductAlreadyHas()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        await h.Importer.ImportAsync(product.Id, Rows(40, 1000), "b.csv", BatchSource.Api);
        var before = await h.Gates.GetProposalsAsync(product.Id, default);
        var drift = before.Single(p => p.Rule.MetricKey == "drift.share");

        await h.Gates.CreateAsync(product.Id, GateRuleInput.From(drift.Rule), Pm, default);

        Assert.DoesNotContain(await h.Gates.GetProposalsAsync(product.Id, default), p => p.Rule.MetricKey == "drift.share");
        Assert.Equal(before.Count - 1, (await h.Gates.GetProposalsAsync(product.Id, default)).Count);
    }

    [Fact]
    public async Task GateEdits_AreRecordedInTheTrailWithBeforeAndAfter()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var rule = await h.Gates.CreateAsync(product.Id, SmallBatches(), Pm, default);
        await h.Gates.UpdateAsync(product.Id, rule.Id, SmallBatches() with { Threshold = 500 }, new Actor("pm.bob"), default);
        await h.Gates.DeleteAsync(product.Id, rule.Id, Pm, default);

        var trail = await h.Trail.ListAsync(product.Id, 10, default);

        Assert.Equal([TrailAction.GateDeleted, TrailAction.GateUpdated, TrailAction.GateCreated, TrailAction.ModelTrained], trail.Select(t => t.Action));
        var update = trail[1];
        Assert.Equal("pm.bob", update.Actor);
        Assert.Contains("Rows < 10", update.Before, StringComparison.Ordinal);
        Assert.Contains("Rows < 500", update.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InvalidRule_ThrowsWithErrorsByFieldAndStoresNothing()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();

        var error = await Assert.ThrowsAsync<InputValidationException>(() => h.Gates.CreateAsync(product.Id,
            new GateRuleInput(GateScope.Batch, "dq.volume_ratio", null, GateCondition.Between, 3, GateSeverity.Warning, UpperThreshold: 1), Pm, default));

        Assert.Contains("upperThreshold", error.Errors.Keys);
        Assert.Equal(0, await h.CountAsync(db => db.GateRules));
        Assert.Equal(0, await h.CountAsync(db => db.AuditTrail.Where(t => t.Action != TrailAction.ModelTrained)));
    }

    [Fact]
    public async Task TimelinessCheck_RaisesOneMissingBatchAlertAndABatchClearsIt()
    {
        var clock = new FakeTimeProvider(Start);
        await using var h = await ServiceHarness.CreateAsync(clock: clock);
        var product = await h.CreateRegressionProductAsync();
        await h.Gates.SetExpectedCadenceAsync(product.Id, 24, Pm, default);
        await h.Importer.ImportAsync(product.Id, Rows(20, 1000), "monday.csv", BatchSource.Api);

        clock.Advance(TimeSpan.FromHours(26));
        Assert.Equal(0, await h.Timeliness.CheckAsync(default)); // within 1.1 cadences
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await h.Timeliness.CheckAsync(default));
        clock.Advance(TimeSpan.FromHours(5));
        await h.Timeliness.CheckAsync(default);

        var alert = Assert.Single(await AlertsAsync(h));
        Assert.Equal((AlertKind.MissingBatch, AlertState.Open, 1), (alert.Kind, alert.State, alert.Count));
        Assert.Contains("33 h without data, expected every 24 h", alert.Message, StringComparison.Ordinal);

        var late = await h.Importer.ImportAsync(product.Id, Rows(20, 2000), "late.csv", BatchSource.Api);
        var cleared = Assert.Single(await AlertsAsync(h));
        Assert.Equal(AlertState.Resolved, cleared.State);
        Assert.Equal($"Batch #{late.Number} arrived.", cleared.ResolutionNote);
    }

    [Fact]
    public async Task TimelinessCheck_ProductWithoutCadence_NeverAlerts()
    {
        var clock = new FakeTimeProvider(Start);
        await using var h = await ServiceHarness.CreateAsync(clock: clock);
        var product = await h.CreateRegressionProductAsync();
        await h.Importer.ImportAsync(product.Id, Rows(20, 1000), "b.csv", BatchSource.Api);

        clock.Advance(TimeSpan.FromDays(400));

        Assert.Equal(0, await h.Timeliness.CheckAsync(default));
        Assert.Empty(await AlertsAsync(h));
    }

    [Fact]
    public async Task AcknowledgeAndResolve_RecordWhoAndWhen()
    {
        var clock = new FakeTimeProvider(Start);
        await using var h = await ServiceHarness.CreateAsync(clock: clock);
        var product = await h.CreateRegressionProductAsync();
        await h.Gates.CreateAsync(product.Id, SmallBatches(), Pm, default);
        await h.Importer.ImportAsync(product.Id, Rows(40, 1000), "big.csv", BatchSource.Api);
        var id = Assert.Single(await AlertsAsync(h)).Id;

        clock.Advance(TimeSpan.FromMinutes(5));
        var acknowledged = await h.Alerts.AcknowledgeAsync(id, new Actor("ops.carol"), default);
        clock.Advance(TimeSpan.FromMinutes(30));
        var resolved = await h.Alerts.ResolveAsync(id, new Actor("ds.dave"), "Upstream job fixed", default);

        Assert.Equal(("ops.carol", Start.UtcDateTime.AddMinutes(5)), (acknowledged.AcknowledgedBy, acknowledged.AcknowledgedAt!.Value));
        Assert.Equal((AlertState.Resolved, "ds.dave", Start.UtcDateTime.AddMinutes(35), "Upstream job fixed"),
            (resolved.State, resolved.ResolvedBy, resolved.ResolvedAt!.Value, resolved.ResolutionNote));
        await Assert.ThrowsAsync<ConflictException>(() => h.Alerts.ResolveAsync(id, Pm, null, default));
        Assert.Equal(0, await h.Alerts.CountOpenAsync(null, default));
    }

    [Fact]
    public async Task Labels_ForAnOlderBatch_DoNotReopenAnAlertANewerPassCleared()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        await h.Gates.CreateAsync(product.Id, new GateRuleInput(GateScope.Batch, "perf.mae", null, GateCondition.Lt, 50, GateSeverity.Critical), Pm, default);
        var old = await h.Importer.ImportAsync(product.Id, Rows(30, 1000), "old.csv", BatchSource.Api, Start.UtcDateTime);
        await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(30, seed: 4, firstId: 2000)), "new-with-labels.csv", BatchSource.Api, Start.UtcDateTime.AddDays(1));

        var wrong = "id,cnt\n" + string.Concat(Enumerable.Range(1000, 30).Select(i => string.Create(CultureInfo.InvariantCulture, $"r{i},1000\n")));
        await h.Labels.UploadAsync(product.Id, TestSchemas.Utf8(wrong), "late-labels.csv", default);

        Assert.Equal(GateStatus.Failed, Assert.Single(await h.Gates.ListForBatchAsync(old.Id, default)).Status);
        Assert.Empty(await AlertsAsync(h));
    }

    [Fact]
    public async Task DeleteOrDisable_ResolvesTheRulesOpenAlert()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var deleted = await h.Gates.CreateAsync(product.Id, SmallBatches(), Pm, default);
        var disabled = await h.Gates.CreateAsync(product.Id, SmallBatches() with { Name = "Also small" }, Pm, default);
        await h.Importer.ImportAsync(product.Id, Rows(40, 1000), "big.csv", BatchSource.Api);

        await h.Gates.DeleteAsync(product.Id, deleted.Id, Pm, default);
        await h.Gates.UpdateAsync(product.Id, disabled.Id, disabled.ToInput() with { Enabled = false }, new Actor("pm.bob"), default);

        var alerts = await AlertsAsync(h);
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(AlertState.Resolved, a.State));
        Assert.Contains(alerts, a => a.ResolutionNote == "Gate deleted by pm.alice.");
        Assert.Contains(alerts, a => a.ResolutionNote == "Gate disabled by pm.bob.");
    }
}
