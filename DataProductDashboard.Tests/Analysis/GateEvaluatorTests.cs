using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis;

public sealed class GateEvaluatorTests
{
    private const string Missing = "dq.column.missing_share";

    private static GateEvidence Values(double actual, double? reference = null, double? champion = null, string key = Missing, string? column = "hum")
    {
        var address = new MetricAddress(key, column);
        return new GateEvidence(
            new Dictionary<MetricAddress, double> { [address] = actual },
            reference is { } r ? new Dictionary<MetricAddress, double> { [address] = r } : null,
            champion is { } c ? new Dictionary<MetricAddress, double> { [address] = c } : null);
    }

    private static GateRuleSpec Rule(GateCondition condition, double threshold, double? upper = null, GateSeverity severity = GateSeverity.Critical,
        RelativeBound bound = RelativeBound.NotBelow, ToleranceUnit unit = ToleranceUnit.Percent, string key = Missing, string? column = "hum",
        GateScope scope = GateScope.Batch) =>
        new(scope, key, column, null, condition, threshold, upper, bound, unit, severity);

    [Theory]
    [InlineData(GateCondition.Gt, 0.5, 0.6, GateStatus.Passed)]
    [InlineData(GateCondition.Gt, 0.5, 0.5, GateStatus.Failed)]
    [InlineData(GateCondition.Gt, 0.5, 0.4, GateStatus.Failed)]
    [InlineData(GateCondition.Gte, 0.5, 0.5, GateStatus.Passed)]
    [InlineData(GateCondition.Gte, 0.5, 0.4999, GateStatus.Failed)]
    [InlineData(GateCondition.Lt, 0.5, 0.4999, GateStatus.Passed)]
    [InlineData(GateCondition.Lt, 0.5, 0.5, GateStatus.Failed)]
    [InlineData(GateCondition.Lte, 0.5, 0.5, GateStatus.Passed)]
    [InlineData(GateCondition.Lte, 0.5, 0.5001, GateStatus.Failed)]
    [InlineData(GateCondition.Eq, 0, 0, GateStatus.Passed)]
    [InlineData(GateCondition.Eq, 0, 1e-12, GateStatus.Passed)]
    [InlineData(GateCondition.Eq, 0, 0.001, GateStatus.Failed)]
    public void Evaluate_Comparison_PassesExactlyAtItsBoundary(GateCondition condition, double threshold, double actual, GateStatus expected)
    {
        var outcome = GateEvaluator.Evaluate(Rule(condition, threshold), Values(actual));

        Assert.Equal(expected, outcome.Status);
        Assert.Equal(actual, outcome.Actual);
    }

    [Fact]
    public void Evaluate_FailingLte_DescribesTheBreachLikeAProductManagerReadsIt()
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.Lte, 0), Values(0.0833));

        Assert.Equal("Missing share of 'hum' 8.33 % > threshold 0 %", outcome.Description);
    }

    [Fact]
    public void Evaluate_PassingLte_DescribesTheRelationThatHolds()
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.Lte, 0.05), Values(0.01));

        Assert.Equal("Missing share of 'hum' 1 % ≤ threshold 5 %", outcome.Description);
    }

    [Fact]
    public void Evaluate_WarningSeverity_TurnsFailedIntoWarning()
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.Lte, 0, severity: GateSeverity.Warning), Values(0.2));

        Assert.Equal(GateStatus.Warning, outcome.Status);
    }

    [Fact]
    public void Evaluate_WarningSeverity_StillPassesWhenTheConditionHolds()
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.Lte, 0.5, severity: GateSeverity.Warning), Values(0.2));

        Assert.Equal(GateStatus.Passed, outcome.Status);
    }

    [Theory]
    [InlineData(0.5, GateStatus.Passed)]
    [InlineData(2.0, GateStatus.Passed)]
    [InlineData(1.2, GateStatus.Passed)]
    [InlineData(0.4999, GateStatus.Failed)]
    [InlineData(2.0001, GateStatus.Failed)]
    public void Evaluate_Between_IncludesBothBounds(double actual, GateStatus expected)
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.Between, 0.5, 2, key: "dq.volume_ratio", column: null), Values(actual, key: "dq.volume_ratio", column: null));

        Assert.Equal(expected, outcome.Status);
    }

    [Fact]
    public void Evaluate_BetweenAboveUpper_NamesTheUpperBound()
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.Between, 0.5, 2, key: "dq.volume_ratio", column: null), Values(2.4, key: "dq.volume_ratio", column: null));

        Assert.Equal("Volume vs usual 2.4× > upper bound 2×", outcome.Description);
    }

    [Theory]
    [InlineData(0.76, GateStatus.Passed)] // 5 % of 0.8 = 0.04 → limit 0.76 exactly
    [InlineData(0.7599, GateStatus.Failed)]
    [InlineData(0.95, GateStatus.Passed)]
    public void Evaluate_RelativeToReferenceNotBelowPercent_AllowsExactlyTheTolerance(double actual, GateStatus expected)
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.RelativeToReference, 5, key: "perf.accuracy", column: null),
            Values(actual, reference: 0.8, key: "perf.accuracy", column: null));

        Assert.Equal(expected, outcome.Status);
        Assert.Equal(0.8, outcome.Compared);
    }

    [Fact]
    public void Evaluate_RelativeBelowReference_SaysHowFarBelow()
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.RelativeToReference, 5, key: "perf.accuracy", column: null),
            Values(0.72, reference: 0.8, key: "perf.accuracy", column: null));

        Assert.Equal(GateStatus.Failed, outcome.Status);
        Assert.Equal("Accuracy 0.720 is 10 % below the reference 0.800 (at most 5 % below allowed)", outcome.Description);
    }

    [Theory]
    [InlineData(RelativeBound.NotAbove, 110, GateStatus.Passed)]
    [InlineData(RelativeBound.NotAbove, 110.5, GateStatus.Failed)]
    [InlineData(RelativeBound.NotAbove, 50, GateStatus.Passed)]
    [InlineData(RelativeBound.Within, 90, GateStatus.Passed)]
    [InlineData(RelativeBound.Within, 89.9, GateStatus.Failed)]
    [InlineData(RelativeBound.Within, 110.1, GateStatus.Failed)]
    [InlineData(RelativeBound.NotBelow, 90, GateStatus.Passed)]
    [InlineData(RelativeBound.NotBelow, 89, GateStatus.Failed)]
    public void Evaluate_RelativeAbsoluteTolerance_GuardsTheChosenSide(RelativeBound bound, double actual, GateStatus expected)
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.RelativeToReference, 10, bound: bound, unit: ToleranceUnit.Absolute, key: "perf.mae", column: null),
            Values(actual, reference: 100, key: "perf.mae", column: null));

        Assert.Equal(expected, outcome.Status);
    }

    [Fact]
    public void Evaluate_RelativeToChampion_ComparesWithTheChampionsValue()
    {
        var rule = Rule(GateCondition.RelativeToChampion, 2, key: "shadow.accuracy", column: null, scope: GateScope.Release);

        var worse = GateEvaluator.Evaluate(rule, Values(0.70, reference: 0.9, champion: 0.75, key: "shadow.accuracy", column: null));
        var same = GateEvaluator.Evaluate(rule, Values(0.74, reference: 0.9, champion: 0.75, key: "shadow.accuracy", column: null));

        Assert.Equal(GateStatus.Failed, worse.Status);
        Assert.Contains("below the champion 0.750", worse.Description, StringComparison.Ordinal);
        Assert.Equal(GateStatus.Passed, same.Status);
    }

    [Fact]
    public void Evaluate_RelativeToChampionWithoutChampionValues_IsSkipped()
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.RelativeToChampion, 2, key: "perf.accuracy", column: null),
            Values(0.7, reference: 0.8, key: "perf.accuracy", column: null));

        Assert.Equal(GateStatus.Skipped, outcome.Status);
    }

    [Fact]
    public void Evaluate_RelativeWithoutReferenceValue_IsAnError()
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.RelativeToReference, 5, key: "scoring.latency_p95_us", column: null),
            Values(120, key: "scoring.latency_p95_us", column: null));

        Assert.Equal(GateStatus.Error, outcome.Status);
        Assert.Contains("no value to compare with", outcome.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PercentToleranceAgainstZeroReference_IsAnError()
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.RelativeToReference, 5, key: "perf.mean_error", column: null),
            Values(0.3, reference: 0, key: "perf.mean_error", column: null));

        Assert.Equal(GateStatus.Error, outcome.Status);
        Assert.Contains("absolute", outcome.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_MissingValue_IsSkippedWithTheReason()
    {
        var evidence = new GateEvidence(new Dictionary<MetricAddress, double>()) { MissingReason = _ => "no labels yet" };

        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.Gte, 0.8, key: "perf.accuracy", column: null), evidence);

        Assert.Equal(GateStatus.Skipped, outcome.Status);
        Assert.Equal("Accuracy: no value here (no labels yet).", outcome.Description);
    }

    [Fact]
    public void Evaluate_NaNValue_IsAnError()
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.Lte, 0.1), Values(double.NaN));

        Assert.Equal(GateStatus.Error, outcome.Status);
    }

    [Fact]
    public void Evaluate_OtherColumnsValue_DoesNotApply()
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.Lte, 0, column: "temp"), Values(0.5));

        Assert.Equal(GateStatus.Skipped, outcome.Status);
    }

    [Fact]
    public void Worst_RanksFailedThenErrorThenWarningAndIgnoresSkipped()
    {
        Assert.Equal(GateStatus.Failed, GateEvaluator.Worst([GateStatus.Passed, GateStatus.Warning, GateStatus.Failed, GateStatus.Error]));
        Assert.Equal(GateStatus.Error, GateEvaluator.Worst([GateStatus.Passed, GateStatus.Warning, GateStatus.Error]));
        Assert.Equal(GateStatus.Warning, GateEvaluator.Worst([GateStatus.Passed, GateStatus.Warning, GateStatus.Skipped]));
        Assert.Equal(GateStatus.Passed, GateEvaluator.Worst([GateStatus.Passed, GateStatus.Skipped]));
        Assert.Null(GateEvaluator.Worst([GateStatus.Skipped]));
        Assert.Null(GateEvaluator.Worst([]));
    }

    [Theory]
    [InlineData(0.0833, "0.083")]
    [InlineData(412.46, "412.5")]
    [InlineData(12480.2, "12,480")]
    [InlineData(-0.5, "-0.500")]
    public void Format_UsesThreeDecimalsForSmallValuesAndFewerForLargeOnes(double value, string expected) =>
        Assert.Equal(expected, GateEvaluator.Format(value));

    [Fact]
    public void Evaluate_MaeWithLabelUnit_ValuesAndThresholdInTheLabelsUnit()
    {
        var evidence = new GateEvidence(new Dictionary<MetricAddress, double> { [new("perf.mae")] = 31.2 }) { LabelUnit = "rentals" };

        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.Lte, 25, key: "perf.mae", column: null), evidence);

        Assert.Equal("MAE 31.2 rentals > threshold 25 rentals", outcome.Description);
    }

    [Fact]
    public void Evaluate_MaeWithoutLabelUnit_PlainNumbers()
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.Lte, 25, key: "perf.mae", column: null), Values(31.2, key: "perf.mae", column: null));

        Assert.Equal("MAE 31.200 > threshold 25.000", outcome.Description);
    }

    [Fact]
    public void Evaluate_LatencyP95_MicrosecondsGrouped()
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.Lte, 3000, key: "scoring.latency_p95_us", column: null), Values(4210, key: "scoring.latency_p95_us", column: null));

        Assert.Equal("Latency p95 4,210 µs > threshold 3,000 µs", outcome.Description);
    }

    [Fact]
    public void Evaluate_RelativeShareWithAbsoluteTolerance_DifferenceInPercentagePoints()
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.RelativeToReference, 0.01, bound: RelativeBound.NotAbove, unit: ToleranceUnit.Absolute),
            Values(0.12, reference: 0.10));

        Assert.Equal(GateStatus.Failed, outcome.Status);
        Assert.Equal("Missing share of 'hum' 12 % is 2 percentage points above the reference 10 % (at most 1 percentage point above allowed)", outcome.Description);
    }

    [Fact]
    public void Evaluate_RelativeMaeAbsoluteTolerance_DifferenceInTheLabelsUnit()
    {
        var address = new MetricAddress("perf.mae");
        var evidence = new GateEvidence(new Dictionary<MetricAddress, double> { [address] = 31.2 }, new Dictionary<MetricAddress, double> { [address] = 27.5 })
        {
            LabelUnit = "rentals",
        };

        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.RelativeToReference, 5, bound: RelativeBound.NotAbove, unit: ToleranceUnit.Absolute, key: "perf.mae", column: null), evidence);

        Assert.Equal("MAE 31.2 rentals is 3.7 rentals above the reference 27.5 rentals (at most 5 rentals above allowed)", outcome.Description);
    }

    [Fact]
    public void Evaluate_AccuracyScore_StaysAPlainNumber()
    {
        var outcome = GateEvaluator.Evaluate(Rule(GateCondition.Gte, 0.8, key: "perf.accuracy", column: null), Values(0.731, key: "perf.accuracy", column: null));

        Assert.Equal("Accuracy 0.731 < threshold 0.800", outcome.Description);
    }
}
