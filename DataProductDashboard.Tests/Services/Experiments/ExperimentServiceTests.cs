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

/// <summary>Starting, reading (live statistics equal to the engine's on the stored arrays), the sample-ratio alert and the
/// decisions of an A/B test.</summary>
public sealed class ExperimentServiceTests
{
    private static readonly Actor Pm = new("pm.alice");

    private static async Task<int> BinaryWithChallengerAsync(ServiceHarness h)
    {
        var product = await h.CreateBinaryProductAsync();
        await h.Registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.BinaryCsv(300, seed: 23)), "train-v2.csv",
            new TrainModelRequest(TrainerKind.Sdca, Seed: 5), default);
        return product.Id;
    }

    private static async Task<int> RegressionWithChallengerAsync(ServiceHarness h)
    {
        var product = await h.CreateRegressionProductAsync();
        await h.Registry.TrainAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(240, seed: 21)), "train-v2.csv",
            new TrainModelRequest(TrainerKind.Sdca), default);
        return product.Id;
    }

    private static StartExperimentRequest Accuracy(double share = 0.5) => new(2, ExperimentMetrics.Accuracy, 0.05, share);

    private static async Task<List<Prediction>> PredictionsAsync(ServiceHarness h, int experimentId)
    {
        await using var db = await h.DbFactory.CreateDbContextAsync();
        var batches = await db.Batches.Where(b => b.ExperimentId == experimentId).Select(b => b.Id).ToListAsync();
        return await db.Predictions.Where(p => batches.Contains(p.BatchId)).OrderBy(p => p.BatchId).ThenBy(p => p.RowIndex).ToListAsync();
    }

    [Fact]
    public async Task Start_ValidRequest_RunsWithDefaultsAndRecordsTheTrail()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await BinaryWithChallengerAsync(h);

        var summary = await h.Experiments.StartAsync(productId, new StartExperimentRequest(2, ExperimentMetrics.Accuracy, 0.05), Pm, default);

        Assert.Equal((ExperimentStatus.Running, 1, 2, 0.5, 0.05), (summary.Status, summary.ChampionVersion, summary.ChallengerVersion, summary.ChallengerShare, summary.Alpha));
        Assert.Equal(("v2 vs v1", "Accuracy"), (summary.Name, summary.PrimaryMetricName));
        Assert.Equal($"/products/{productId}/experiments?experiment={summary.Id}", summary.Link);
        Assert.Equal((0, 0), (summary.ChampionRows, summary.ChallengerRows));
        Assert.Null(summary.Primary);
        Assert.Null(summary.SampleRatio);
        var entry = (await h.Trail.ListAsync(productId, 1, default))[0];
        Assert.Equal((TrailAction.ExperimentStarted, "pm.alice"), (entry.Action, entry.Actor));
        Assert.Contains("v2 scores 50 % of rows", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RetiredChallenger_IsRefusedForTheField()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await BinaryWithChallengerAsync(h);
        await h.Releases.PromoteAsync(productId, 2, Pm, default);
        await h.Releases.RollbackAsync(productId, Pm, default);

        var error = await Assert.ThrowsAsync<InputValidationException>(() => h.Experiments.StartAsync(productId, Accuracy(), Pm, default));

        Assert.Contains("retired", error.Errors["challengerVersion"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhileAnotherRuns_IsAConflict()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await BinaryWithChallengerAsync(h);
        await h.Experiments.StartAsync(productId, Accuracy(), Pm, default);

        var error = await Assert.ThrowsAsync<ConflictException>(() => h.Experiments.StartAsync(productId, Accuracy(0.3), Pm, default));

        Assert.Contains("still running", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await h.CountAsync(db => db.Experiments));
    }

    [Fact]
    public async Task Get_BinaryBatchesWithLabels_EqualsTheEngineOnTheStoredArraysWithHolmOverAllMetrics()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await BinaryWithChallengerAsync(h);
        var started = await h.Experiments.StartAsync(productId, Accuracy(), Pm, default);
        for (var i = 0; i < 2; i++)
            await h.Importer.ImportAsync(productId, TestSchemas.Utf8(TestSchemas.BinaryCsv(250, seed: 40 + i)), $"b{i}.csv", BatchSource.Api);

        var summary = await h.Experiments.GetAsync(started.Id, default);

        var rows = await PredictionsAsync(h, started.Id);
        var champion = rows.Where(r => r.Arm == ExperimentArm.Champion).ToList();
        var challenger = rows.Where(r => r.Arm == ExperimentArm.Challenger).ToList();
        Assert.Equal((champion.Count, challenger.Count), ((int)summary.ChampionRows, (int)summary.ChallengerRows));
        var accuracy = AbTests.TwoProportionZ(ExperimentMetrics.Accuracy, new RateSample(champion.Count(r => r.Predicted == r.Label), champion.Count),
            new RateSample(challenger.Count(r => r.Predicted == r.Label), challenger.Count), 0.05);
        var share = AbTests.TwoProportionZ(ExperimentMetrics.PositiveShare, new RateSample(champion.Count(r => r.Predicted == 1), champion.Count),
            new RateSample(challenger.Count(r => r.Predicted == 1), challenger.Count), 0.05);
        Assert.Equal(accuracy, summary.Primary);
        Assert.Equal(AbTests.HolmAdjust([share])[0], Assert.Single(summary.Secondary));
        Assert.Equal(AbTests.SampleRatio(champion.Count, challenger.Count, 0.5), summary.SampleRatio);
        var plan = AbTests.SampleSizeForRate(accuracy.Champion, 0.05, 0.05, 0.8, 0.5);
        Assert.Equal(plan, summary.Plan);
        Assert.Equal(plan.Progress(champion.Count, challenger.Count), summary.Progress);
    }

    [Fact]
    public async Task Get_RegressionBatches_ComparesPerRowErrorsWithWelchAndPlansFromTheChampionSpread()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await RegressionWithChallengerAsync(h);
        var started = await h.Experiments.StartAsync(productId, new StartExperimentRequest(2, ExperimentMetrics.Mae, 0.5, 0.4), Pm, default);
        await h.Importer.ImportAsync(productId, TestSchemas.Utf8(TestSchemas.RegressionCsv(300, seed: 77, firstId: 5000)), "b.csv", BatchSource.Api);

        var summary = await h.Experiments.GetAsync(started.Id, default);

        var rows = await PredictionsAsync(h, started.Id);
        double[] Errors(ExperimentArm arm, Func<double, double> f) => rows.Where(r => r.Arm == arm).Select(r => f(r.Predicted - r.Label!.Value)).ToArray();
        var primary = AbTests.Welch(ExperimentMetrics.Mae, Errors(ExperimentArm.Champion, Math.Abs), Errors(ExperimentArm.Challenger, Math.Abs), 0.05);
        var family = AbTests.HolmAdjust(
        [
            AbTests.Welch(ExperimentMetrics.Rmse, Errors(ExperimentArm.Champion, e => e * e), Errors(ExperimentArm.Challenger, e => e * e), 0.05),
            AbTests.Welch(ExperimentMetrics.MeanError, Errors(ExperimentArm.Champion, e => e), Errors(ExperimentArm.Challenger, e => e), 0.05),
            AbTests.Welch(ExperimentMetrics.PredictionMean, rows.Where(r => r.Arm == ExperimentArm.Champion).Select(r => r.Predicted).ToArray(),
                rows.Where(r => r.Arm == ExperimentArm.Challenger).Select(r => r.Predicted).ToArray(), 0.05),
        ]);
        Assert.Equal(primary, summary.Primary);
        Assert.Equal(family, summary.Secondary);
        var absolute = Errors(ExperimentArm.Champion, Math.Abs);
        var mean = absolute.Average();
        var sd = Math.Sqrt(absolute.Sum(e => (e - mean) * (e - mean)) / (absolute.Length - 1));
        var plan = AbTests.SampleSizeForMean(sd, 0.5, 0.05, 0.8, 0.4);
        Assert.Equal(plan.ChampionNeeded, summary.Plan!.ChampionNeeded);
        Assert.Equal(plan.ChallengerNeeded, summary.Plan.ChallengerNeeded);
        Assert.Equal(plan.EffectSize, summary.Plan.EffectSize, 12);
    }

    /// <summary>Issue 13: the live statistics are merged from per-batch arm statistics (import, then each label
    /// upload); they equal the tests on the stored rows to 1e-9, and a store that lost them gets them back at start.</summary>
    [Fact]
    public async Task Get_ManyBatchesLabelledLater_MergedStatisticsEqualTheTestsOnTheStoredRows()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await RegressionWithChallengerAsync(h);
        int tempId;
        await using (var db = await h.DbFactory.CreateDbContextAsync())
        {
            var temp = new Kpi { ProductId = productId, Name = "Mean temperature", Source = KpiSource.BatchColumn, Aggregate = KpiAggregate.Mean, Column = "temp" };
            db.Kpis.Add(temp);
            await db.SaveChangesAsync();
            tempId = temp.Id;
        }
        var started = await h.Experiments.StartAsync(productId, new StartExperimentRequest(2, ExperimentMetrics.Mae, 0.5, 0.3), Pm, default);
        var files = Enumerable.Range(0, 4).Select(b => TestSchemas.RegressionCsv(150 + (40 * b), seed: 90 + b, firstId: 10_000 * (b + 1))).ToList();
        foreach (var (csv, b) in files.Select((f, b) => (f, b)))
        {
            var unlabelled = string.Join('\n', csv.Split('\n').Select(l => l.Length == 0 ? l : l[..l.LastIndexOf(',')]));
            await h.Importer.ImportAsync(productId, TestSchemas.Utf8(unlabelled), $"b{b}.csv", BatchSource.Api);
        }
        string Labels(IEnumerable<string> csvs) => "id,cnt\n" + string.Concat(csvs.SelectMany(c => c.Split('\n').Skip(1).Where(l => l.Length > 0))
            .Select(l => l.Split(',')).Select(f => $"{f[0]},{f[^1]}\n"));
        await h.Labels.UploadAsync(productId, TestSchemas.Utf8(Labels(files.Take(2))), "first.csv", default);
        await h.Labels.UploadAsync(productId, TestSchemas.Utf8(Labels(files.Skip(3))), "second.csv", default);

        var summary = await h.Experiments.GetAsync(started.Id, default);

        var rows = await PredictionsAsync(h, started.Id);
        Assert.Equal(150 + 190 + 270, rows.Count(r => r.Label is not null));
        double[] Errors(ExperimentArm arm, Func<double, double> f) => rows.Where(r => r.Arm == arm && r.Label is not null).Select(r => f(r.Predicted - r.Label!.Value)).ToArray();
        var temps = files.SelectMany(c => c.Split('\n').Skip(1).Where(l => l.Length > 0))
            .Select(l => double.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        double[] Temps(ExperimentArm arm) => temps.Where((_, i) => rows[i].Arm == arm).ToArray();
        AssertSameTest(AbTests.Welch(ExperimentMetrics.Mae, Errors(ExperimentArm.Champion, Math.Abs), Errors(ExperimentArm.Challenger, Math.Abs), 0.05), summary.Primary);
        var family = AbTests.HolmAdjust(
        [
            AbTests.Welch(ExperimentMetrics.Rmse, Errors(ExperimentArm.Champion, e => e * e), Errors(ExperimentArm.Challenger, e => e * e), 0.05),
            AbTests.Welch(ExperimentMetrics.MeanError, Errors(ExperimentArm.Champion, e => e), Errors(ExperimentArm.Challenger, e => e), 0.05),
            AbTests.Welch(ExperimentMetrics.PredictionMean, rows.Where(r => r.Arm == ExperimentArm.Champion).Select(r => r.Predicted).ToArray(),
                rows.Where(r => r.Arm == ExperimentArm.Challenger).Select(r => r.Predicted).ToArray(), 0.05),
            AbTests.Welch(ExperimentMetrics.KpiKey(tempId), Temps(ExperimentArm.Champion), Temps(ExperimentArm.Challenger), 0.05),
        ]);
        Assert.Equal(family.Count, summary.Secondary.Count);
        foreach (var expected in family)
            AssertSameTest(expected, summary.Secondary.Single(c => c.Metric == expected.Metric));

        await using (var db = await h.DbFactory.CreateDbContextAsync())
            await db.BatchStatistics.ExecuteDeleteAsync();
        await h.Get<ExperimentSamples>().BackfillAsync(h.DbFactory, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, default);
        var backfilled = await h.Experiments.GetAsync(started.Id, default);
        AssertSameTest(summary.Primary!, backfilled.Primary);
        foreach (var expected in summary.Secondary)
            AssertSameTest(expected, backfilled.Secondary.Single(c => c.Metric == expected.Metric));
    }

    private static void AssertSameTest(ArmComparison expected, ArmComparison? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected.Metric, expected.Kind, expected.ChampionCount, expected.ChallengerCount, expected.Significant),
            (actual.Metric, actual.Kind, actual.ChampionCount, actual.ChallengerCount, actual.Significant));
        foreach (var (name, e, a) in new[]
        {
            ("champion", expected.Champion, actual.Champion), ("challenger", expected.Challenger, actual.Challenger), ("difference", expected.Difference, actual.Difference),
            ("low", expected.ConfidenceLow, actual.ConfidenceLow), ("high", expected.ConfidenceHigh, actual.ConfidenceHigh), ("statistic", expected.Statistic, actual.Statistic),
            ("df", expected.DegreesOfFreedom ?? double.NaN, actual.DegreesOfFreedom ?? double.NaN), ("p", expected.PValue, actual.PValue),
            ("adjusted p", expected.AdjustedPValue ?? double.NaN, actual.AdjustedPValue ?? double.NaN),
        })
        {
            Assert.True((double.IsNaN(e) && double.IsNaN(a)) || Math.Abs(e - a) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"{expected.Metric} {name}: rows {e:R}, statistics {a:R}");
        }
    }

    [Fact]
    public async Task Get_MisclassificationCostKpi_IsComparedOnPerRowCosts()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await BinaryWithChallengerAsync(h);
        int kpiId;
        await using (var db = await h.DbFactory.CreateDbContextAsync())
        {
            var kpi = new Kpi
            {
                ProductId = productId, Name = "Cost per decision", Unit = "€", Direction = KpiDirection.LowerIsBetter, Target = 50,
                Source = KpiSource.MisclassificationCost, CostFalsePositive = 100, CostFalseNegative = 500,
            };
            db.Kpis.Add(kpi);
            await db.SaveChangesAsync();
            kpiId = kpi.Id;
        }
        var started = await h.Experiments.StartAsync(productId, new StartExperimentRequest(2, ExperimentMetrics.KpiKey(kpiId), 10), Pm, default);
        await h.Importer.ImportAsync(productId, TestSchemas.Utf8(TestSchemas.BinaryCsv(300, seed: 41)), "b.csv", BatchSource.Api);

        var summary = await h.Experiments.GetAsync(started.Id, default);

        var rows = await PredictionsAsync(h, started.Id);
        double[] Costs(ExperimentArm arm) => rows.Where(r => r.Arm == arm)
            .Select(r => r.Predicted == 1 && r.Label == 0 ? 100.0 : r.Predicted == 0 && r.Label == 1 ? 500.0 : 0.0).ToArray();
        var welch = AbTests.Welch(ExperimentMetrics.KpiKey(kpiId), Costs(ExperimentArm.Champion), Costs(ExperimentArm.Challenger), 0.05);
        Assert.Equal("Cost per decision", summary.PrimaryMetricName);
        // From the arms' false positive and negative counts (stored per batch), the row-level costs' test to 1e-9.
        AssertSameTest(welch, summary.Primary);
        Assert.Equal(2, summary.Secondary.Count);
        Assert.Equal(AbTests.Holm(summary.Secondary.Select(s => s.PValue).ToList()), summary.Secondary.Select(s => s.AdjustedPValue!.Value));
    }

    [Fact]
    public async Task Get_ColumnMeanAndUploadedKpis_AreComparedOnPerRowFileValuesAndOnArmTaggedPeriodValues()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await BinaryWithChallengerAsync(h);
        int amountId, uploadedId;
        var today = DateTime.UtcNow.Date;
        await using (var db = await h.DbFactory.CreateDbContextAsync())
        {
            var amount = new Kpi { ProductId = productId, Name = "Mean amount", Source = KpiSource.BatchColumn, Aggregate = KpiAggregate.Mean, Column = "amount" };
            var uploaded = new Kpi { ProductId = productId, Name = "Approved loans", Source = KpiSource.Uploaded, Period = KpiPeriod.Day };
            var sum = new Kpi { ProductId = productId, Name = "Total amount", Source = KpiSource.BatchColumn, Aggregate = KpiAggregate.Sum, Column = "amount" };
            db.Kpis.AddRange(amount, uploaded, sum);
            await db.SaveChangesAsync();
            (amountId, uploadedId) = (amount.Id, uploaded.Id);
            double[] champion = [10, 12, 11], challenger = [14, 13, 15];
            for (var d = 0; d < 3; d++)
            {
                db.KpiValues.Add(new KpiValue { KpiId = uploaded.Id, PeriodStart = today.AddDays(d), Value = champion[d], Arm = ExperimentArm.Champion });
                db.KpiValues.Add(new KpiValue { KpiId = uploaded.Id, PeriodStart = today.AddDays(d), Value = challenger[d], Arm = ExperimentArm.Challenger });
            }
            // Before the experiment and untagged: not part of it.
            db.KpiValues.Add(new KpiValue { KpiId = uploaded.Id, PeriodStart = today.AddDays(-30), Value = 99, Arm = ExperimentArm.Challenger });
            db.KpiValues.Add(new KpiValue { KpiId = uploaded.Id, PeriodStart = today, Value = 50 });
            await db.SaveChangesAsync();
        }
        var metrics = await h.Experiments.GetMetricsAsync(productId, default);
        Assert.Equal(["perf.accuracy", "prediction.positive_share", $"kpi:{amountId}", $"kpi:{uploadedId}"], metrics.Select(m => m.Key));
        var started = await h.Experiments.StartAsync(productId, new StartExperimentRequest(2, ExperimentMetrics.KpiKey(amountId), 100), Pm, default);
        var csv = TestSchemas.BinaryCsv(200, seed: 44, withLabel: false);
        await h.Importer.ImportAsync(productId, TestSchemas.Utf8(csv), "b.csv", BatchSource.Api);

        var summary = await h.Experiments.GetAsync(started.Id, default);

        var amounts = csv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => double.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var arms = (await PredictionsAsync(h, started.Id)).Select(p => p.Arm).ToArray();
        double[] Amounts(ExperimentArm arm) => amounts.Where((_, i) => arms[i] == arm).ToArray();
        var byAmount = AbTests.Welch(ExperimentMetrics.KpiKey(amountId), Amounts(ExperimentArm.Champion), Amounts(ExperimentArm.Challenger), 0.05);
        Assert.Equal(byAmount with { AdjustedPValue = summary.Primary!.AdjustedPValue }, summary.Primary);
        var byPeriod = AbTests.Welch(ExperimentMetrics.KpiKey(uploadedId), [10.0, 12, 11], [14.0, 13, 15], 0.05);
        var uploadedComparison = summary.Secondary.Single(c => c.Metric == ExperimentMetrics.KpiKey(uploadedId));
        Assert.Equal(byPeriod with { AdjustedPValue = uploadedComparison.AdjustedPValue }, uploadedComparison);
    }

    [Fact]
    public async Task Get_NoDataYet_PlansFromTheChampionsHoldoutAccuracy()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await BinaryWithChallengerAsync(h);
        var holdout = (await h.Registry.GetAsync(productId, 1, default)).HoldoutMetrics["accuracy"];

        var summary = await h.Experiments.StartAsync(productId, new StartExperimentRequest(2, ExperimentMetrics.Accuracy, 0.04, 0.3, 0.01, 0.9), Pm, default);

        Assert.Equal(AbTests.SampleSizeForRate(holdout, holdout + 0.04 <= 1 ? 0.04 : -0.04, 0.01, 0.9, 0.3), summary.Plan);
        Assert.Equal(0, summary.Progress);
    }

    [Fact]
    public async Task Import_SplitFarFromTheConfiguredShare_RaisesACriticalExperimentAlertThatClearsWhenItRecovers()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await BinaryWithChallengerAsync(h);
        var started = await h.Experiments.StartAsync(productId, Accuracy(), Pm, default);
        await h.Importer.ImportAsync(productId, TestSchemas.Utf8(TestSchemas.BinaryCsv(200, seed: 50, withLabel: false)), "b1.csv", BatchSource.Api);
        Assert.Empty((await h.Alerts.ListAsync(new AlertFilter(productId), default)).Items);
        // The rows split so far stay ~50/50 while the configured share now says 5 %: as if the assignment were broken.
        await SetShareAsync(h, started.Id, 0.05);

        await h.Importer.ImportAsync(productId, TestSchemas.Utf8(TestSchemas.BinaryCsv(10, seed: 52, withLabel: false)), "b2.csv", BatchSource.Api);

        var alert = Assert.Single((await h.Alerts.ListAsync(new AlertFilter(productId), default)).Items);
        Assert.Equal((AlertKind.Experiment, GateSeverity.Critical, AlertState.Open), (alert.Kind, alert.Severity, alert.State));
        Assert.Contains("Sample ratio mismatch", alert.Title, StringComparison.Ordinal);
        Assert.Equal(started.Link, alert.Link);
        Assert.True((await h.Experiments.GetAsync(started.Id, default)).SampleRatio!.Mismatch);
        Assert.True(h.Outbox.Reader.TryRead(out var queued));
        Assert.Equal(alert.Id, queued);

        await SetShareAsync(h, started.Id, 0.5);
        await h.Importer.ImportAsync(productId, TestSchemas.Utf8(TestSchemas.BinaryCsv(10, seed: 51, withLabel: false)), "b3.csv", BatchSource.Api);

        var resolved = Assert.Single((await h.Alerts.ListAsync(new AlertFilter(productId), default)).Items);
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.False((await h.Experiments.GetAsync(started.Id, default)).SampleRatio!.Mismatch);
    }

    private static async Task SetShareAsync(ServiceHarness h, int experimentId, double share)
    {
        await using var db = await h.DbFactory.CreateDbContextAsync();
        (await db.Experiments.SingleAsync(e => e.Id == experimentId)).ChallengerShare = share;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Decide_KeepRunning_OnlyAddsATrailEntry()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await BinaryWithChallengerAsync(h);
        var started = await h.Experiments.StartAsync(productId, Accuracy(), Pm, default);

        var summary = await h.Experiments.DecideAsync(started.Id, ExperimentDecision.KeepRunning, "Only 12 % of the sample so far", new Actor("pm.bob"), default);

        Assert.Equal((ExperimentStatus.Running, (ExperimentDecision?)null, (string?)null), (summary.Status, summary.Decision, summary.DecidedBy));
        var entry = (await h.Trail.ListAsync(productId, 1, default))[0];
        Assert.Equal((TrailAction.ExperimentDecided, "pm.bob", "keep running: Only 12 % of the sample so far"), (entry.Action, entry.Actor, entry.After));
    }

    [Fact]
    public async Task Decide_KeepChampion_StopsAndRecordsWhoWhenAndWhy()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await BinaryWithChallengerAsync(h);
        var started = await h.Experiments.StartAsync(productId, Accuracy(), Pm, default);

        var summary = await h.Experiments.DecideAsync(started.Id, ExperimentDecision.KeepChampion, "  No gain after 4 weeks  ", Pm, default);

        Assert.Equal((ExperimentStatus.Stopped, ExperimentDecision.KeepChampion, "pm.alice", "No gain after 4 weeks"),
            (summary.Status, summary.Decision, summary.DecidedBy, summary.DecisionReason));
        Assert.NotNull(summary.StoppedAt);
        Assert.Equal(summary.StoppedAt, summary.DecidedAt);
        Assert.Equal(1, (await h.Products.GetAsync(productId, default)).ChampionVersion);
        Assert.Contains("champion v1 kept", (await h.Trail.ListAsync(productId, 1, default))[0].After, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ConflictException>(() => h.Experiments.DecideAsync(started.Id, ExperimentDecision.ShipChallenger, "again", Pm, default));
    }

    [Fact]
    public async Task Decide_ShipChallengerWithPassingGates_PromotesItAndStops()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await BinaryWithChallengerAsync(h);
        var started = await h.Experiments.StartAsync(productId, Accuracy(), Pm, default);
        await h.Gates.CreateAsync(productId, new GateRuleInput(GateScope.Release, "holdout.accuracy", null, GateCondition.Gt, 0.1, GateSeverity.Critical, Name: "Better than a coin"), Pm, default);

        var summary = await h.Experiments.DecideAsync(started.Id, ExperimentDecision.ShipChallenger, "Significantly more accurate", Pm, default);

        Assert.Equal((ExperimentStatus.Stopped, ExperimentDecision.ShipChallenger), (summary.Status, summary.Decision));
        Assert.Equal(2, (await h.Products.GetAsync(productId, default)).ChampionVersion);
        var trail = await h.Trail.ListAsync(productId, 2, default);
        Assert.Equal([TrailAction.ExperimentDecided, TrailAction.Promoted], trail.Select(t => t.Action));
        var batch = await h.Importer.ImportAsync(productId, TestSchemas.Utf8(TestSchemas.BinaryCsv(20, seed: 3, withLabel: false)), "after.csv", BatchSource.Api);
        Assert.Equal(2, batch.ModelVersion);
        Assert.Equal(0, await h.CountAsync(db => db.Predictions.Where(p => p.BatchId == batch.Id && p.Arm != null)));
    }

    [Fact]
    public async Task Promote_OutsideTheExperiment_StopsItWithoutADecisionAndLaterBatchesAreNotSplit()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await BinaryWithChallengerAsync(h);
        var started = await h.Experiments.StartAsync(productId, Accuracy(), Pm, default);
        await using (var db = await h.DbFactory.CreateDbContextAsync())
        {
            db.Alerts.Add(new Alert { ProductId = productId, Kind = AlertKind.Experiment, Key = ExperimentMonitor.SampleRatioAlertKey(started.Id), Severity = GateSeverity.Critical,
                Title = "Sample-ratio mismatch", State = AlertState.Open });
            await db.SaveChangesAsync();
        }

        await h.Releases.PromoteAsync(productId, 2, Pm, default);

        var summary = await h.Experiments.GetAsync(started.Id, default);
        Assert.Equal((ExperimentStatus.Stopped, (ExperimentDecision?)null), (summary.Status, summary.Decision));
        Assert.StartsWith("Stopped automatically: version 2 became the champion", summary.DecisionReason, StringComparison.Ordinal);
        var batch = await h.Importer.ImportAsync(productId, TestSchemas.Utf8(TestSchemas.BinaryCsv(20, seed: 3, withLabel: false)), "after.csv", BatchSource.Api);
        Assert.Equal(0, await h.CountAsync(db => db.Batches.Where(b => b.Id == batch.Id && b.ExperimentId != null)));
        await Assert.ThrowsAsync<ConflictException>(() => h.Experiments.DecideAsync(started.Id, ExperimentDecision.KeepChampion, "Too late", Pm, default));
        Assert.Equal(0, await h.CountAsync(db => db.Alerts.Where(a => a.Kind == AlertKind.Experiment && a.State != AlertState.Resolved)));
    }

    [Fact]
    public async Task Database_SecondRunningExperimentOfAProduct_IsRejectedButStoppedOnesMayAccumulate()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await BinaryWithChallengerAsync(h);
        var started = await h.Experiments.StartAsync(productId, Accuracy(), Pm, default);
        await using var db = await h.DbFactory.CreateDbContextAsync();
        var original = await db.Experiments.AsNoTracking().SingleAsync(e => e.Id == started.Id);
        Experiment Copy(ExperimentStatus status) => new()
        {
            ProductId = productId, Name = $"copy {status}", ChampionVersionId = original.ChampionVersionId, ChallengerVersionId = original.ChallengerVersionId,
            PrimaryMetric = original.PrimaryMetric, MinimumDetectableEffect = 0.05, Status = status, StartedAt = original.StartedAt,
        };

        db.Experiments.Add(Copy(ExperimentStatus.Stopped));
        db.Experiments.Add(Copy(ExperimentStatus.Stopped));
        await db.SaveChangesAsync();
        db.Experiments.Add(Copy(ExperimentStatus.Running));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Decide_ShipChallengerBlockedByAReleaseGate_ThrowsTheGatesConflictAndRecordsNothingOnTheExperiment()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await BinaryWithChallengerAsync(h);
        var started = await h.Experiments.StartAsync(productId, Accuracy(), Pm, default);
        await h.Gates.CreateAsync(productId, new GateRuleInput(GateScope.Release, "holdout.accuracy", null, GateCondition.Gt, 1.5, GateSeverity.Critical, Name: "Impossible accuracy"), Pm, default);

        var error = await Assert.ThrowsAsync<ConflictException>(() => h.Experiments.DecideAsync(started.Id, ExperimentDecision.ShipChallenger, "Ship it", Pm, default));

        Assert.Contains("Impossible accuracy", error.Message, StringComparison.Ordinal);
        var summary = await h.Experiments.GetAsync(started.Id, default);
        Assert.Equal((ExperimentStatus.Running, (ExperimentDecision?)null, (string?)null), (summary.Status, summary.Decision, summary.DecisionReason));
        Assert.Equal(1, (await h.Products.GetAsync(productId, default)).ChampionVersion);
        Assert.DoesNotContain(await h.Trail.ListAsync(productId, 10, default), t => t.Action == TrailAction.ExperimentDecided);
    }

    [Fact]
    public async Task List_RunningFirstThenNewest()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var productId = await BinaryWithChallengerAsync(h);
        var first = await h.Experiments.StartAsync(productId, Accuracy(), Pm, default);
        await h.Experiments.DecideAsync(first.Id, ExperimentDecision.KeepChampion, "done", Pm, default);
        var second = await h.Experiments.StartAsync(productId, Accuracy(0.2) with { Name = "Second look" }, Pm, default);

        var list = await h.Experiments.ListAsync(productId, default);

        Assert.Equal([second.Id, first.Id], list.Select(e => e.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => h.Experiments.GetAsync(999, default));
        await Assert.ThrowsAsync<NotFoundException>(() => h.Experiments.ListAsync(999, default));
    }
}
