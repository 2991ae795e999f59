using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Scoring;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Storage;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Services.Experiments;

/// <summary>Batch import while an A/B test runs: each row scored by its arm's model, arms recorded, each arm audited on
/// its own; labels give per-arm performance.</summary>
public sealed class ArmScoringTests
{
    private static async Task<(int ProductId, int ChampionId, int ChallengerId, int ExperimentId)> BinaryExperimentAsync(ServiceHarness h, double share = 0.5)
    {
        var product = await h.CreateBinaryProductAsync();
        var v2 = await h.Registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.BinaryCsv(300, seed: 23)), "train-v2.csv",
            new TrainModelRequest(TrainerKind.Sdca, Seed: 5), default);
        await using var db = await h.DbFactory.CreateDbContextAsync();
        var champion = await db.ModelVersions.SingleAsync(v => v.ProductId == product.Id && v.Number == 1);
        var experiment = new Experiment
        {
            ProductId = product.Id, Name = "v2 vs v1", ChampionVersionId = champion.Id, ChallengerVersionId = v2.Id, ChallengerShare = share,
            PrimaryMetric = "perf.accuracy", MinimumDetectableEffect = 0.05, Status = ExperimentStatus.Running, StartedAt = DateTime.UtcNow, StartedBy = "tests",
        };
        db.Experiments.Add(experiment);
        await db.SaveChangesAsync();
        return (product.Id, champion.Id, v2.Id, experiment.Id);
    }

    private static async Task<(float[] Predicted, float[]? Probability)> ScoreAllAsync(ServiceHarness h, string modelHash, byte[] csv, TaskType task)
    {
        var model = await new ModelCache(h.Store).GetAsync(modelHash);
        var table = CsvBatchReader.Read(csv, "b.csv", TestSchemas.Binary, CsvReadMode.Batch).Table;
        var result = ModelScorer.Score(model, table, TestSchemas.Binary, task);
        return (result.Predicted, result.Probability);
    }

    [Fact]
    public async Task Import_RunningExperiment_ScoresEachRowByTheModelOfItsArmAndRecordsTheArm()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var (productId, championId, challengerId, experimentId) = await BinaryExperimentAsync(h);
        var csv = TestSchemas.Utf8(TestSchemas.BinaryCsv(400, seed: 8, withLabel: false));

        var batch = await h.Importer.ImportAsync(productId, csv, "b.csv", BatchSource.Api);

        await using var db = await h.DbFactory.CreateDbContextAsync();
        var stored = await db.Batches.SingleAsync(b => b.Id == batch.Id);
        Assert.Equal(experimentId, stored.ExperimentId);
        Assert.Equal(championId, stored.ModelVersionId);
        var predictions = await db.Predictions.Where(p => p.BatchId == batch.Id).OrderBy(p => p.RowIndex).ToListAsync();
        var expectedArms = ArmAssignment.Assign(experimentId, predictions.Select(p => p.RowKey).ToArray(), 0.5);
        Assert.Equal(expectedArms.Select(a => (ExperimentArm?)a), predictions.Select(p => p.Arm));
        Assert.InRange(predictions.Count(p => p.Arm == ExperimentArm.Challenger), 150, 250);

        var hashes = await db.ModelVersions.Where(v => v.Id == championId || v.Id == challengerId).ToDictionaryAsync(v => v.Id, v => v.FileHash);
        var (byChampion, championProbability) = await ScoreAllAsync(h, hashes[championId], csv, TaskType.BinaryClassification);
        var (byChallenger, challengerProbability) = await ScoreAllAsync(h, hashes[challengerId], csv, TaskType.BinaryClassification);
        Assert.NotEqual(championProbability, challengerProbability);
        for (var i = 0; i < predictions.Count; i++)
        {
            var (predicted, probability) = predictions[i].Arm == ExperimentArm.Challenger
                ? (byChallenger[i], challengerProbability![i])
                : (byChampion[i], championProbability![i]);
            Assert.Equal(predicted, predictions[i].Predicted);
            Assert.Equal(probability, predictions[i].Score!.Value, 6);
        }
    }

    [Fact]
    public async Task Import_RunningExperiment_StoresEachArmsPointsWithItsSegmentAndModelVersion()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var (productId, championId, challengerId, _) = await BinaryExperimentAsync(h);

        var batch = await h.Importer.ImportAsync(productId, TestSchemas.Utf8(TestSchemas.BinaryCsv(300, seed: 9, withLabel: false)), "b.csv", BatchSource.Api);

        await using var db = await h.DbFactory.CreateDbContextAsync();
        // The challenger also scores the batch in the shadow (a new version starts as a challenger): those points are not the arms'.
        var points = await db.MetricPoints.Where(p => p.BatchId == batch.Id && !p.Shadow).ToListAsync();
        var rows = points.Where(p => p.MetricKey == MetricKeys.Rows).ToDictionary(p => p.Segment ?? "", p => (p.Value, p.ModelVersionId));
        var championRows = await db.Predictions.CountAsync(p => p.BatchId == batch.Id && p.Arm == ExperimentArm.Champion);
        Assert.Equal((300.0, (int?)championId), rows[""]);
        Assert.Equal((championRows, (int?)championId), rows[ArmSegment.Champion]);
        Assert.Equal((300.0 - championRows, (int?)challengerId), rows[ArmSegment.Challenger]);
        foreach (var segment in new[] { ArmSegment.Champion, ArmSegment.Challenger })
        {
            var keys = points.Where(p => p.Segment == segment).Select(p => p.MetricKey).ToHashSet();
            Assert.Superset(new HashSet<string> { MetricKeys.PositiveShare, MetricKeys.PredictionMean, MetricKeys.LatencyP95, AuditPoints.PredictionDriftScore }, keys);
        }
        var challengerShare = points.Single(p => p.Segment == ArmSegment.Challenger && p.MetricKey == MetricKeys.PositiveShare).Value;
        var expected = await db.Predictions.Where(p => p.BatchId == batch.Id && p.Arm == ExperimentArm.Challenger).AverageAsync(p => p.Predicted);
        Assert.Equal(expected, challengerShare, 12);
        // The whole batch's own series stay one point per batch (the challenger's shadow point is its own version's).
        var series = await h.Audits.GetSeriesAsync(productId, MetricKeys.Rows, null, null, null, null, default, includeShadow: false);
        Assert.Equal(300, Assert.Single(series).Value);
    }

    [Fact]
    public async Task Import_NoRunningExperiment_LeavesArmsEmptyAndStoresNoArmPoints()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateBinaryProductAsync();

        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.BinaryCsv(50, seed: 9, withLabel: false)), "b.csv", BatchSource.Api);

        Assert.Equal(0, await h.CountAsync(db => db.Predictions.Where(p => p.BatchId == batch.Id && p.Arm != null)));
        Assert.Equal(0, await h.CountAsync(db => db.MetricPoints.Where(p => p.BatchId == batch.Id && p.Segment != null)));
        Assert.Equal(0, await h.CountAsync(db => db.Batches.Where(b => b.ExperimentId != null)));
    }

    [Fact]
    public async Task Import_ExperimentStopped_ScoresEverythingByTheChampionAgain()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var (productId, _, _, experimentId) = await BinaryExperimentAsync(h);
        await using (var db = await h.DbFactory.CreateDbContextAsync())
        {
            var experiment = await db.Experiments.SingleAsync(e => e.Id == experimentId);
            experiment.Status = ExperimentStatus.Stopped;
            await db.SaveChangesAsync();
        }

        var batch = await h.Importer.ImportAsync(productId, TestSchemas.Utf8(TestSchemas.BinaryCsv(50, seed: 9, withLabel: false)), "b.csv", BatchSource.Api);

        Assert.Equal(0, await h.CountAsync(db => db.Predictions.Where(p => p.BatchId == batch.Id && p.Arm != null)));
        Assert.Equal(0, await h.CountAsync(db => db.Batches.Where(b => b.ExperimentId != null)));
    }

    [Fact]
    public async Task LabelsUpload_SplitBatch_StoresEachArmsAccuracyAndKeepsTheWholeBatchPoints()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var (productId, championId, challengerId, _) = await BinaryExperimentAsync(h);
        var labelled = TestSchemas.BinaryCsv(300, seed: 12);
        var batch = await h.Importer.ImportAsync(productId, TestSchemas.Utf8(TestSchemas.BinaryCsv(300, seed: 12, withLabel: false)), "b.csv", BatchSource.Api);
        var labels = "id,risk\n" + string.Concat(labelled.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => $"{l.Split(',')[0]},{l.Split(',')[4]}\n"));

        await h.Labels.UploadAsync(productId, TestSchemas.Utf8(labels), "labels.csv", default);

        await using var db = await h.DbFactory.CreateDbContextAsync();
        var rows = await db.Predictions.Where(p => p.BatchId == batch.Id).Select(p => new { p.Arm, p.Predicted, p.Label }).ToListAsync();
        var accuracy = await db.MetricPoints.Where(p => p.BatchId == batch.Id && p.MetricKey == "perf.accuracy" && !p.Shadow).ToListAsync();
        Assert.Equal(rows.Count(r => r.Predicted == r.Label) / 300.0, accuracy.Single(p => p.Segment == null).Value, 12);
        foreach (var (arm, segment, versionId) in new[] { (ExperimentArm.Champion, ArmSegment.Champion, championId), (ExperimentArm.Challenger, ArmSegment.Challenger, challengerId) })
        {
            var armRows = rows.Where(r => r.Arm == arm).ToList();
            var point = accuracy.Single(p => p.Segment == segment);
            Assert.Equal(armRows.Count(r => r.Predicted == r.Label) / (double)armRows.Count, point.Value, 12);
            Assert.Equal(versionId, point.ModelVersionId);
            Assert.Equal(armRows.Count, (await db.MetricPoints.SingleAsync(p => p.BatchId == batch.Id && p.Segment == segment && p.MetricKey == "perf.labelled_rows")).Value);
        }

        await h.Labels.UploadAsync(productId, TestSchemas.Utf8(labels), "labels-again.csv", default);
        Assert.Equal(2, await h.CountAsync(d => d.MetricRuns.Where(r => r.BatchId == batch.Id && r.Kind == ArmHistory.PerformanceRunKind)));
    }
}
