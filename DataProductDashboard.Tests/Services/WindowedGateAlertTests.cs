using System.Globalization;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Services;

/// <summary>Alerts of rules on windowed metrics (concept drift over the rolling window of labelled batches): one small
/// passing batch does not resolve them while the window still holds failing batches.</summary>
public sealed class WindowedGateAlertTests
{
    private static readonly Actor Pm = new("pm.alice");
    private static readonly DateTime Start = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc);

    private static GateRuleInput NoConceptDrift() =>
        new(GateScope.Batch, PerformancePoints.ConceptDegraded, null, GateCondition.Eq, 0, GateSeverity.Critical, Name: "No concept drift");

    /// <summary>A labelled batch of the test schema; <paramref name="labelOffset"/> is added to every true label (a large
    /// one makes the model look far worse than on its hold-out).</summary>
    private static byte[] Labelled(int rows, int firstId, double labelOffset)
    {
        var lines = TestSchemas.RegressionCsv(rows, seed: firstId, withLabel: true, firstId: firstId).TrimEnd('\n').Split('\n');
        var shifted = lines.Skip(1).Select(line =>
        {
            var cut = line.LastIndexOf(',');
            var label = double.Parse(line[(cut + 1)..], CultureInfo.InvariantCulture) + labelOffset;
            return line[..(cut + 1)] + label.ToString(CultureInfo.InvariantCulture);
        });
        return TestSchemas.Utf8(string.Join('\n', shifted.Prepend(lines[0])) + "\n");
    }

    private static async Task<Alert> TheAlertAsync(ServiceHarness h)
    {
        await using var db = await h.DbFactory.CreateDbContextAsync();
        return Assert.Single(await db.Alerts.AsNoTracking().ToListAsync());
    }

    private static async Task<double> PointAsync(ServiceHarness h, int batchId, string key)
    {
        await using var db = await h.DbFactory.CreateDbContextAsync();
        return await db.MetricPoints.AsNoTracking().Where(p => p.BatchId == batchId && p.MetricKey == key && p.Segment == null && !p.Shadow)
            .Select(p => p.Value).SingleAsync();
    }

    /// <summary>Three labelled batches of 40 rows whose labels are 100 above the truth: concept drift on each.</summary>
    private static async Task<(ServiceHarness Harness, int ProductId, int RuleId)> DriftedAsync()
    {
        var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var rule = await h.Gates.CreateAsync(product.Id, NoConceptDrift(), Pm, default);
        for (var i = 0; i < 3; i++)
            await h.Importer.ImportAsync(product.Id, Labelled(40, 1000 + (i * 100), 100), $"drifted{i}.csv", BatchSource.Api, Start.AddDays(i));
        return (h, product.Id, rule.Id);
    }

    [Fact]
    public async Task Import_SmallPassingBatchWhileTheWindowIsDegraded_KeepsTheConceptDriftAlertOpen()
    {
        var (h, productId, _) = await DriftedAsync();
        await using var _h = h;
        Assert.Equal(AlertState.Open, (await TheAlertAsync(h)).State);

        var small = await h.Importer.ImportAsync(productId, Labelled(5, 5000, 0), "small.csv", BatchSource.Api, Start.AddDays(3));

        Assert.Equal(GateStatus.Passed, Assert.Single(await h.Gates.ListForBatchAsync(small.Id, default)).Status);
        Assert.Equal(1, await PointAsync(h, small.Id, PerformancePoints.WindowDegraded));
        var alert = await TheAlertAsync(h);
        Assert.Equal((AlertState.Open, GateSeverity.Critical, 3), (alert.State, alert.Severity, alert.Count));
        Assert.Null(alert.ResolvedAt);
    }

    [Fact]
    public async Task Labels_RulePassingOnEveryBatchOfItsWindow_ResolveTheAlertNamingTheWindow()
    {
        var (h, productId, _) = await DriftedAsync();
        await using var _h = h;
        var passing = new List<DataProductDashboard.Services.Batches.BatchSummary> { await h.Importer.ImportAsync(productId, Labelled(5, 5000, 0), "small.csv", BatchSource.Api, Start.AddDays(3)) };
        for (var i = 1; i < ConceptDrift.WindowBatches; i++)
        {
            Assert.Equal(AlertState.Open, (await TheAlertAsync(h)).State);
            var batch = await h.Importer.ImportAsync(productId, TestSchemas.Utf8(TestSchemas.RegressionCsv(40, seed: i, withLabel: false, firstId: 5000 + (i * 100))),
                $"good{i}.csv", BatchSource.Api, Start.AddDays(3 + i));
            await h.Labels.UploadAsync(productId, await LabelsAsTheModelPredictedAsync(h, batch.Id), $"labels{i}.csv", default);
            passing.Add(batch);
        }

        foreach (var batch in passing)
            Assert.Equal(GateStatus.Passed, Assert.Single(await h.Gates.ListForBatchAsync(batch.Id, default)).Status);
        var alert = await TheAlertAsync(h);
        Assert.Equal((AlertState.Resolved, "system"), (alert.State, alert.ResolvedBy));
        Assert.StartsWith($"Passed on batch #{passing[^1].Number} and the {ConceptDrift.WindowBatches - 1} judged batches before it (the rule's window of {ConceptDrift.WindowBatches})",
            alert.ResolutionNote, StringComparison.Ordinal);
    }

    /// <summary>A label file whose labels are the model's own predictions (no error: no concept drift).</summary>
    private static async Task<ReadOnlyMemory<byte>> LabelsAsTheModelPredictedAsync(ServiceHarness h, int batchId)
    {
        await using var db = await h.DbFactory.CreateDbContextAsync();
        var rows = await db.Predictions.AsNoTracking().Where(p => p.BatchId == batchId).OrderBy(p => p.RowIndex).Select(p => new { p.RowKey, p.Predicted }).ToListAsync();
        return TestSchemas.Utf8("id,cnt\n" + string.Concat(rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.RowKey},{Math.Max(0, r.Predicted):0.####}\n"))));
    }
}
