using DataProductDashboard.Analysis.Insights;
using DataProductDashboard.Analysis.Kpi;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis.Insights;

public sealed class InsightGeneratorTests
{
    private static readonly DateTime Now = new(2012, 12, 3, 8, 0, 0, DateTimeKind.Utc);

    private static ProductFacts Facts(BatchFacts? batch = null, ModelFacts? model = null, IReadOnlyList<KpiFacts>? kpis = null,
        IReadOnlyList<ExperimentFacts>? experiments = null, MissingBatchFacts? missing = null) =>
        new(7, "Bike rental demand", Now, batch, model, kpis ?? [], experiments ?? [], missing);

    private static KpiFacts DailyRentals(KpiStatus status, double? value, double? gap, BusinessDriftFinding? drift = null) =>
        new(3, "Daily rentals", "rentals", KpiDirection.HigherIsBetter, 4500, 500, KpiPeriod.Day, status,
            new DateTime(2012, 11, 24, 0, 0, 0, DateTimeKind.Utc), value, gap, drift, "/products/7/kpis?kpi=3");

    private static BatchFacts Batch(int drifted = 0, bool dataset = false, bool? prediction = false, int judged = 0,
        IReadOnlyList<string>? failed = null, IReadOnlyList<string>? warned = null) =>
        new(42, new DateTime(2012, 11, 26, 6, 0, 0, DateTimeKind.Utc), new DateTime(2012, 11, 19, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2012, 11, 25, 23, 0, 0, DateTimeKind.Utc), 168, drifted, 12, dataset,
            new[] { "temp", "atemp", "hum", "windspeed" }.Take(drifted).ToList(), prediction, judged, failed ?? [], warned ?? []);

    [Fact]
    public void Kpi_SustainedRunWhileModelAndDataStable_SaysBusinessDriftWithAdviceAndEvidence()
    {
        var finding = new BusinessDriftFinding(DriftClassification.BusinessDrift, new DateTime(2012, 11, 22, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2012, 11, 24, 0, 0, 0, DateTimeKind.Utc), 3, 3870, -0.14, "the model stayed accurate and no input drifted", 42);

        var insight = InsightGenerator.Kpi(Facts(), DailyRentals(KpiStatus.OffTarget, 3870, -0.14, finding));

        Assert.Equal(InsightSeverity.Critical, insight.Severity);
        Assert.Equal(InsightTopic.Kpi, insight.Topic);
        Assert.Equal("Daily rentals has been off target for 3 days in a row, 14% below target on average (latest 3,870 rentals against a target of 4,500): "
            + "business drift. The model stayed accurate and no input drifted.", insight.Sentence);
        Assert.Equal(["/products/7/kpis?kpi=3", "/batches/42"], insight.Evidence.Select(e => e.Href));
        Assert.Equal(finding.To, insight.At);
    }

    [Fact]
    public void Kpi_OnePeriodRunOfLowerIsBetterKpi_SaysAboveTargetInThatWeek()
    {
        var finding = new BusinessDriftFinding(DriftClassification.ConceptDrift, new DateTime(2012, 11, 12, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2012, 11, 12, 0, 0, 0, DateTimeKind.Utc), 1, 0.9, 0.5, "accuracy fell to 0.62 from 0.76 at hold-out", null);
        var kpi = new KpiFacts(4, "Expected cost per decision", "cost units", KpiDirection.LowerIsBetter, 0.6, 0.1, KpiPeriod.Week,
            KpiStatus.OffTarget, finding.To, 0.9, 0.5, finding, "/products/8/kpis?kpi=4");

        var insight = InsightGenerator.Kpi(Facts(), kpi);

        Assert.Equal("Expected cost per decision was 50% above target in the week of 12 Nov 2012 (week 46): concept drift. "
            + "Accuracy fell to 0.62 from 0.76 at hold-out.", insight.Sentence);
        Assert.Single(insight.Evidence);
    }

    [Fact]
    public void Kpi_RunWithoutReason_GivesTheClassificationsAdvice()
    {
        var finding = new BusinessDriftFinding(DriftClassification.DataDrift, new DateTime(2012, 11, 22, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2012, 11, 24, 0, 0, 0, DateTimeKind.Utc), 3, 3870, -0.14, " ", null);

        var insight = InsightGenerator.Kpi(Facts(), DailyRentals(KpiStatus.OffTarget, 3870, -0.14, finding));

        Assert.EndsWith(": data drift. Check the data pipeline and the drifted inputs.", insight.Sentence);
    }

    [Theory]
    [InlineData(KpiStatus.OnTarget, 4800, 0.0667, InsightSeverity.Info, "Daily rentals was on target on Sat 24 Nov 2012: 4,800 rentals against a target of 4,500.")]
    [InlineData(KpiStatus.AtRisk, 4200, -0.0667, InsightSeverity.Warning,
        "Daily rentals was 6.7% below target on Sat 24 Nov 2012 (4,200 rentals against a target of 4,500), still within the tolerance band.")]
    [InlineData(KpiStatus.OffTarget, 3600, -0.2, InsightSeverity.Warning,
        "Daily rentals was 20% below target on Sat 24 Nov 2012 (3,600 rentals against a target of 4,500), outside the tolerance band but not yet a sustained run.")]
    public void Kpi_EachStatusWithoutRun_ReadsAsExpected(KpiStatus status, double value, double gap, InsightSeverity severity, string sentence)
    {
        var insight = InsightGenerator.Kpi(Facts(), DailyRentals(status, value, gap));

        Assert.Equal(severity, insight.Severity);
        Assert.Equal(sentence, insight.Sentence);
    }

    [Fact]
    public void Kpi_NoData_SaysItCannotBeCompared()
    {
        var insight = InsightGenerator.Kpi(Facts(), DailyRentals(KpiStatus.NoData, null, null));

        Assert.Equal(InsightSeverity.Info, insight.Severity);
        Assert.Equal("Daily rentals has no complete period yet, so it cannot be compared with its target.", insight.Sentence);
    }

    [Fact]
    public void Model_Degraded_SaysConceptDriftWithHoldoutComparison()
    {
        var insight = InsightGenerator.Model(Facts(), new ModelFacts(1, "MAE", LowerIsBetter: true, 88.7, 17.0, Degraded: true, EvidenceBatchId: 40));

        Assert.Equal(InsightSeverity.Critical, insight.Severity);
        Assert.Equal("Model v1 has degraded: MAE 88.7 on the latest labelled batches against 17 at hold-out (422% worse), more than chance explains: "
            + "concept drift. Retrain the model or roll back to the previous version.", insight.Sentence);
        Assert.Equal(["/products/7/behavior", "/batches/40"], insight.Evidence.Select(e => e.Href));
    }

    [Fact]
    public void Model_StableAccuracy_SaysItStayedAccurate()
    {
        var insight = InsightGenerator.Model(Facts(), new ModelFacts(2, "accuracy", LowerIsBetter: false, 0.745, 0.76, Degraded: false, EvidenceBatchId: null));

        Assert.Equal(InsightSeverity.Info, insight.Severity);
        Assert.Equal("Model v2 held up: accuracy 0.745 on the latest labelled batches against 0.76 at hold-out.", insight.Sentence);
    }

    [Fact]
    public void Model_NoLabels_SaysAccuracyUnknown()
    {
        var insight = InsightGenerator.Model(Facts(), new ModelFacts(1, "MAE", true, null, 17.0, null, null));

        Assert.Equal("Model v1 has no labelled rows yet, so how well it does in production is not known.", insight.Sentence);
    }

    [Fact]
    public void Drift_ProductInUtcPlus8_DatesTheBatchInItsOwnDays()
    {
        // Hourly rows from 2010-01-01 00:00 to 23:00 in Beijing are 2009-12-31 16:00 to 2010-01-01 15:00 in UTC.
        var batch = Batch(drifted: 1) with
        {
            EventFrom = new DateTime(2009, 12, 31, 16, 0, 0, DateTimeKind.Utc), EventTo = new DateTime(2010, 1, 1, 15, 0, 0, DateTimeKind.Utc),
        };

        var utc = InsightGenerator.Drift(Facts(batch), batch);
        var beijing = InsightGenerator.Drift(Facts(batch) with { Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai") }, batch);

        Assert.Contains("(31 Dec 2009 – 1 Jan 2010)", utc.Sentence);
        Assert.Contains("the latest batch (1 Jan 2010)", beijing.Sentence);
    }

    [Fact]
    public void Drift_DatasetDrift_NamesTheFirstThreeDriftedInputs()
    {
        var insight = InsightGenerator.Drift(Facts(), Batch(drifted: 4, dataset: true));

        Assert.Equal(InsightSeverity.Warning, insight.Severity);
        Assert.Equal("4 of 12 inputs drifted in the latest batch (19 Nov 2012 – 25 Nov 2012), including 'temp', 'atemp', 'hum' and 1 more: data drift.", insight.Sentence);
        Assert.Equal(["/batches/42", "/products/7/drift"], insight.Evidence.Select(e => e.Href));
    }

    [Fact]
    public void Drift_FewColumnsAndPredictionShift_IsAWarningMentioningPredictionDrift()
    {
        var insight = InsightGenerator.Drift(Facts(), Batch(drifted: 1, prediction: true));

        Assert.Equal(InsightSeverity.Warning, insight.Severity);
        Assert.Equal("1 of 12 inputs drifted in the latest batch (19 Nov 2012 – 25 Nov 2012) ('temp'), too few for data drift of the whole dataset. "
            + "The model's predictions shifted too (prediction drift).", insight.Sentence);
    }

    [Fact]
    public void Drift_NothingDrifted_IsInfo()
    {
        var insight = InsightGenerator.Drift(Facts(), Batch());

        Assert.Equal(InsightSeverity.Info, insight.Severity);
        Assert.Equal("No input drifted in the latest batch (19 Nov 2012 – 25 Nov 2012).", insight.Sentence);
    }

    [Fact]
    public void Gates_FailedAndWarned_CriticalNamesFailedGatesOnly()
    {
        var insight = InsightGenerator.Gates(Facts(), Batch(judged: 5, failed: ["No dataset drift", "MAE within 25 % of hold-out"], warned: ["Usual batch size"]));

        Assert.NotNull(insight);
        Assert.Equal(InsightSeverity.Critical, insight.Severity);
        Assert.Equal("The latest batch failed 2 critical gates: 'No dataset drift' and 'MAE within 25 % of hold-out'.", insight.Sentence);
    }

    [Fact]
    public void Gates_OnlyWarnings_IsWarning()
    {
        var insight = InsightGenerator.Gates(Facts(), Batch(judged: 3, warned: ["Usual batch size"]));

        Assert.Equal("The latest batch passed its critical gates but warned on 'Usual batch size'.", insight!.Sentence);
        Assert.Equal(InsightSeverity.Warning, insight.Severity);
    }

    [Fact]
    public void Gates_NoneJudged_ProducesNoInsight() => Assert.Null(InsightGenerator.Gates(Facts(), Batch(judged: 0)));

    [Fact]
    public void Gates_AllPassed_IsInfoWithCount() =>
        Assert.Equal("The latest batch passed all 4 gates judged on it.", InsightGenerator.Gates(Facts(), Batch(judged: 4))!.Sentence);

    private static ExperimentFacts Test(bool running = true, ExperimentDecision? decision = null, double? a = 0.71, double? b = 0.74, double? rel = 0.0423,
        double? p = 0.31, double? progress = 0.38, bool srm = false) =>
        new(5, "LightGbm v2", 1, 2, running, decision, decision is null ? null : "ana", "accuracy", false, a, b, rel, p, 0.05, progress, srm,
            "/products/8/experiments?experiment=5");

    [Fact]
    public void Experiment_RunningNotSignificant_ReportsEstimatesPValueAndProgress()
    {
        var insight = InsightGenerator.Experiment(Test());

        Assert.Equal(InsightSeverity.Info, insight.Severity);
        Assert.Equal("A/B test 'LightGbm v2' (v2 against v1) is running: the challenger's accuracy is 0.74, better than the champion's 0.71, +4.2%, "
            + "not significant yet (p = 0.31); 38% of the needed sample is in.", insight.Sentence);
    }

    [Fact]
    public void Experiment_Significant_AsksForADecision()
    {
        var insight = InsightGenerator.Experiment(Test(b: 0.66, rel: -0.0704, p: 0.0004, progress: 1.3));

        Assert.Equal(InsightSeverity.Warning, insight.Severity);
        Assert.Equal("A/B test 'LightGbm v2' (v2 against v1): the challenger's accuracy is 0.66, worse than the champion's 0.71, −7%, "
            + "significant at α = 0.05 (p < 0.001); 100% of the needed sample is in. It is ready for a decision.", insight.Sentence);
    }

    [Fact]
    public void Experiment_MetricWithoutBetterDirection_SaysHigherOrLower()
    {
        var insight = InsightGenerator.Experiment(Test() with { PrimaryMetricName = "positive share", LowerIsBetter = null });

        Assert.Contains("the challenger's positive share is 0.74, higher than the champion's 0.71", insight.Sentence);
    }

    [Fact]
    public void Experiment_CapitalisedMetricName_IsLowercasedMidSentenceButAcronymsAreKept()
    {
        Assert.Contains("the challenger's accuracy is", InsightGenerator.Experiment(Test() with { PrimaryMetricName = "Accuracy" }).Sentence);
        Assert.Contains("the challenger's MAE is", InsightGenerator.Experiment(Test() with { PrimaryMetricName = "MAE", LowerIsBetter = true }).Sentence);
    }

    [Fact]
    public void Experiment_SampleRatioMismatch_IsCritical()
    {
        var insight = InsightGenerator.Experiment(Test(srm: true));

        Assert.Equal(InsightSeverity.Critical, insight.Severity);
        Assert.Contains("sample-ratio mismatch", insight.Sentence);
    }

    [Fact]
    public void Experiment_Shipped_SaysWhoShippedTheChallenger() =>
        Assert.Equal("A/B test 'LightGbm v2' (v2 against v1) ended: the challenger v2 was shipped by ana.",
            InsightGenerator.Experiment(Test(running: false, decision: ExperimentDecision.ShipChallenger)).Sentence);

    [Fact]
    public void Experiment_NoLabelledRows_SaysNotEnoughData() =>
        Assert.Equal("A/B test 'LightGbm v2' (v2 against v1) is running; neither arm has enough labelled rows for accuracy yet.",
            InsightGenerator.Experiment(Test(a: null, b: null)).Sentence);

    [Fact]
    public void Missing_WeeklyCadence_SaysDaysSinceLastBatch()
    {
        var insight = InsightGenerator.Missing(Facts(), new MissingBatchFacts(new DateTime(2012, 11, 23, 6, 0, 0, DateTimeKind.Utc), 168, "/alerts?product=7"));

        Assert.Equal(InsightSeverity.Warning, insight.Severity);
        Assert.Equal("No batch has arrived for 10 days (last on 23 Nov 2012), although one is expected weekly.", insight.Sentence);
    }

    [Fact]
    public void For_MixedFacts_OrdersBySeverityThenTopic()
    {
        var insights = InsightGenerator.For(Facts(Batch(judged: 2, failed: ["No dataset drift"]), new ModelFacts(1, "MAE", true, 18, 17, false, null),
            [DailyRentals(KpiStatus.AtRisk, 4200, -0.0667)], [Test()], null));

        Assert.Equal([InsightSeverity.Critical, InsightSeverity.Warning, InsightSeverity.Info, InsightSeverity.Info, InsightSeverity.Info],
            insights.Select(i => i.Severity));
        Assert.Equal([InsightTopic.Gates, InsightTopic.Kpi, InsightTopic.Model, InsightTopic.Data, InsightTopic.Experiment], insights.Select(i => i.Topic));
    }

    [Fact]
    public void For_EmptyProduct_SaysNothing() => Assert.Empty(InsightGenerator.For(Facts()));
}
