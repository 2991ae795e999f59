using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Analysis;

public sealed class GateRuleValidatorTests
{
    private static readonly ProductSchema Schema = TestSchemas.Regression;

    private static Dictionary<string, string[]> Validate(GateRuleSpec rule) => GateRuleValidator.Validate(rule, Schema);

    [Fact]
    public void Validate_SoundRule_HasNoErrors() =>
        Assert.Empty(Validate(new(GateScope.Batch, "dq.column.missing_share", "hum", null, GateCondition.Eq, 0)));

    [Fact]
    public void Validate_UnknownMetricKey_NamesTheKey()
    {
        var errors = Validate(new(GateScope.Batch, "dq.nonsense", null, null, GateCondition.Gt, 1));

        Assert.Contains("'dq.nonsense' is not a metric", Assert.Single(errors["metricKey"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BetweenWithMinAboveMax_FlagsTheUpperThreshold()
    {
        var errors = Validate(new(GateScope.Batch, "dq.volume_ratio", null, null, GateCondition.Between, 3, 2));

        Assert.Equal("The lower bound 3.000 is greater than the upper bound 2.000.", Assert.Single(errors["upperThreshold"]));
    }

    [Fact]
    public void Validate_BetweenWithoutUpper_AsksForIt() =>
        Assert.True(Validate(new(GateScope.Batch, "dq.volume_ratio", null, null, GateCondition.Between, 0.5)).ContainsKey("upperThreshold"));

    [Fact]
    public void Validate_PerColumnMetricWithoutColumn_AsksForTheColumn() =>
        Assert.True(Validate(new(GateScope.Batch, "dq.column.missing_share", null, null, GateCondition.Eq, 0)).ContainsKey("column"));

    [Fact]
    public void Validate_UnknownColumn_ListsTheColumns()
    {
        var errors = Validate(new(GateScope.Batch, "dq.column.missing_share", "humidity", null, GateCondition.Eq, 0));

        Assert.Contains("'humidity' is not a column", errors["column"][0], StringComparison.Ordinal);
        Assert.Contains("hum", errors["column"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DatasetMetricWithColumn_SaysToLeaveItEmpty() =>
        Assert.True(Validate(new(GateScope.Batch, "drift.share", "hum", null, GateCondition.Lt, 0.5)).ContainsKey("column"));

    [Fact]
    public void Validate_BatchMetricOnReleaseScope_PointsToReleaseMetrics() =>
        Assert.Contains("holdout.*", Validate(new(GateScope.Release, "perf.mae", null, null, GateCondition.Lt, 5))["metricKey"][0], StringComparison.Ordinal);

    [Fact]
    public void Validate_RelativeToChampionOnBatchScope_IsRefused() =>
        Assert.True(Validate(new(GateScope.Batch, "perf.mae", null, null, GateCondition.RelativeToChampion, 5)).ContainsKey("condition"));

    [Fact]
    public void Validate_NegativeTolerance_IsRefused() =>
        Assert.True(Validate(new(GateScope.Batch, "perf.mae", null, null, GateCondition.RelativeToReference, -5)).ContainsKey("threshold"));

    [Fact]
    public void Validate_NonFiniteThreshold_IsRefused() =>
        Assert.True(Validate(new(GateScope.Batch, "drift.share", null, null, GateCondition.Lt, double.NaN)).ContainsKey("threshold"));

    [Fact]
    public void Validate_FlagMetricWithGreaterThan_SuggestsEqZero() =>
        Assert.True(Validate(new(GateScope.Batch, "drift.dataset", null, null, GateCondition.Gt, 0)).ContainsKey("condition"));

    [Theory]
    [InlineData(7, 10)]
    [InlineData(10, 10)]
    [InlineData(11, 20)]
    [InlineData(240, 500)]
    [InlineData(0.03, 0.05)]
    public void NiceCeiling_RoundsUpToOneTwoOrFive(double value, double expected) =>
        Assert.Equal(expected, DefaultGates.NiceCeiling(value), 12);

    [Theory]
    [InlineData(0.0, 0.05)]
    [InlineData(0.02, 0.05)]
    [InlineData(0.056, 0.1)]
    [InlineData(0.3, 0.5)]
    public void DefaultGates_NullableColumnWithMissingValues_AllowsMoreThanItHasNow(double missingNow, double limit)
    {
        var latest = new Dictionary<MetricAddress, double> { [new(AuditPoints.ColumnMissingShare, "hum")] = missingNow };

        var proposals = DefaultGates.For(TestSchemas.Regression, TaskType.Regression, latest);

        var gate = Assert.Single(proposals, p => p.Rule is { MetricKey: AuditPoints.ColumnMissingShare, Column: "hum" });
        Assert.Equal(limit, gate.Rule.Threshold, 12);
    }

    [Fact]
    public void DefaultGates_ComposedEventTime_ProposesNoRangeOrDriftGateForItsParts()
    {
        var schema = new ProductSchema(
        [
            new("year", ColumnKind.Numeric), new("month", ColumnKind.Numeric), new("day", ColumnKind.Numeric), new("temp", ColumnKind.Numeric),
            new("event_time", ColumnKind.Timestamp, ColumnRole.EventTime, ComposedOf: ["year", "month", "day"]),
            new("pm", ColumnKind.Numeric, ColumnRole.Label),
        ]);
        var latest = new Dictionary<MetricAddress, double>();
        foreach (var column in new[] { "year", "month", "day", "temp" })
        {
            latest[new(AuditPoints.ColumnMissingShare, column)] = 0;
            latest[new(AuditPoints.ColumnOutOfRangeShare, column)] = 0;
            latest[new(AuditPoints.ColumnDrift, column)] = 0;
        }

        var proposals = DefaultGates.For(schema, TaskType.Regression, latest);

        Assert.Equal(["temp"], proposals.Where(p => p.Rule.MetricKey == AuditPoints.ColumnOutOfRangeShare).Select(p => p.Rule.Column));
        Assert.Equal(["temp"], proposals.Where(p => p.Rule.MetricKey == AuditPoints.ColumnDrift).Select(p => p.Rule.Column));
        Assert.Equal(4, proposals.Count(p => p.Rule.MetricKey == AuditPoints.ColumnMissingShare));
    }

    [Fact]
    public void DefaultGates_ClassificationProduct_ProposesAccuracyWithinFivePercentOfHoldout()
    {
        var proposals = DefaultGates.For(TestSchemas.Binary, TaskType.BinaryClassification, new Dictionary<MetricAddress, double>
        {
            [new("drift.share")] = 0.1,
            [new("scoring.latency_p95_us")] = 37,
        });

        Assert.Contains(proposals, p => p.Rule is { MetricKey: "perf.accuracy", Condition: GateCondition.RelativeToReference, Threshold: 5, Bound: RelativeBound.NotBelow });
        Assert.Contains(proposals, p => p.Rule is { MetricKey: "drift.share", Condition: GateCondition.Lt, Threshold: 0.5 });
        Assert.Contains(proposals, p => p.Rule is { MetricKey: "scoring.latency_p95_us", Condition: GateCondition.Lt, Threshold: 200 });
        Assert.All(proposals, p => Assert.Empty(GateRuleValidator.Validate(p.Rule, TestSchemas.Binary)));
    }

    [Fact]
    public void GateRuleText_ReadsLikeARule()
    {
        Assert.Equal("Missing share of 'hum' = 0 %", GateRuleText.Describe(new(GateScope.Batch, "dq.column.missing_share", "hum", null, GateCondition.Eq, 0)));
        Assert.Equal("Volume vs usual between 0.5× and 2×", GateRuleText.Describe(new(GateScope.Batch, "dq.volume_ratio", null, null, GateCondition.Between, 0.5, 2)));
        Assert.Equal("Accuracy at most 5 % below the reference", GateRuleText.Describe(new(GateScope.Batch, "perf.accuracy", null, null, GateCondition.RelativeToReference, 5)));
    }

    [Fact]
    public void GateRuleText_ThresholdsInTheMetricsUnit()
    {
        Assert.Equal("Latency p95 < 2,000 µs", GateRuleText.Describe(new(GateScope.Batch, "scoring.latency_p95_us", null, null, GateCondition.Lt, 2000)));
        Assert.Equal("Dataset drift share < 50 %", GateRuleText.Describe(new(GateScope.Batch, "drift.share", null, null, GateCondition.Lt, 0.5)));
        Assert.Equal("MAE ≤ 25 rentals", GateRuleText.Describe(new(GateScope.Batch, "perf.mae", null, null, GateCondition.Lte, 25), "rentals"));
        Assert.Equal("Missing share of 'hum' at most 2 percentage points above the reference", GateRuleText.Describe(new(GateScope.Batch, "dq.column.missing_share", "hum", null,
            GateCondition.RelativeToReference, 0.02, Bound: RelativeBound.NotAbove, Unit: ToleranceUnit.Absolute)));
        Assert.Equal("Rows ≥ 10", GateRuleText.Describe(new(GateScope.Batch, "batch.rows", null, null, GateCondition.Gte, 10)));
    }

    private static readonly ProductSchema Undeclared = new(
    [
        new("id", ColumnKind.Id, ColumnRole.RowKey),
        new("x", ColumnKind.Numeric),
        new("sex", ColumnKind.Categorical, ColumnRole.Segment),
        new("y", ColumnKind.Numeric, ColumnRole.Label),
    ]);

    [Theory]
    [InlineData("sex=Female", null)]
    [InlineData("sex=(missing)", null)]
    [InlineData("sex=female", "segment values are case-sensitive: did you mean 'Female'? Its values: 'Female', 'Male'.")]
    [InlineData("sex=Other", "'Other' has not been seen in 'sex'; values seen: 'Female', 'Male'.")]
    public void Validate_SegmentOfAnAttributeWithoutDeclaredValues_IsCheckedAgainstTheValuesSeen(string segment, string? fragment)
    {
        var errors = GateRuleValidator.Validate(new(GateScope.Batch, "perf.mae", null, segment, GateCondition.Lt, 10), Undeclared, ["sex=Male", "sex=Female", "region=north"]);

        if (fragment is null)
            Assert.Empty(errors);
        else
            Assert.Contains(fragment, Assert.Single(errors["segment"]));
    }

    [Fact]
    public void Validate_SegmentBeforeAnyBatchWasMeasured_IsAccepted() =>
        Assert.Empty(GateRuleValidator.Validate(new(GateScope.Batch, "perf.mae", null, "sex=anything", GateCondition.Lt, 10), Undeclared, []));

    [Fact]
    public void Validate_OnlyMissingCellsSeenSoFar_AcceptsAnyValue() =>
        Assert.Empty(GateRuleValidator.Validate(new(GateScope.Batch, "perf.mae", null, "sex=Female", GateCondition.Lt, 10), Undeclared, ["sex=(missing)", "sex=(other)"]));
}
