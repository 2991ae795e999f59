using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.DataQuality;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Analysis;

public sealed class DataQualityAnalyzerTests
{
    private static readonly ProductSchema Schema = TestSchemas.Regression;

    private static ColumnTable Table(double[] temp, double[] hum, string?[] season, DateTime?[] day)
    {
        var table = new ColumnTable(temp.Length);
        table.AddStrings("id", Enumerable.Range(1, temp.Length).Select(i => (string?)$"r{i}").ToArray());
        table.AddTimestamps("day", day);
        table.AddNumeric("temp", temp);
        table.AddNumeric("hum", hum);
        table.AddStrings("season", season);
        return table;
    }

    private static ReferenceProfile Reference()
    {
        var reference = new ColumnTable(4);
        reference.AddNumeric("temp", [0, 10, 20, 30]);
        reference.AddNumeric("hum", [0.1, 0.2, 0.3, 0.4]);
        reference.AddStrings("season", ["spring", "summer", "spring", "summer"]);
        return ReferenceProfile.Build(Schema, reference, [1f, 2f, 3f, 4f]);
    }

    private static DateTime Day(int d, int h = 0) => new(2024, 5, d, h, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Analyze_CountsMissingUnseenAndOutOfRangeShares()
    {
        var table = Table([5, 40, 15, -1], [0.2, double.NaN, double.NaN, 0.3], ["spring", "winter", "winter", null], [Day(1), Day(1), Day(2), Day(3)]);

        var result = DataQualityAnalyzer.Analyze(Schema, table, ["a", "b", "c", "d"], Reference(), Day(4), []);

        var temp = result.Columns.Single(c => c.Column == "temp");
        var hum = result.Columns.Single(c => c.Column == "hum");
        var season = result.Columns.Single(c => c.Column == "season");
        Assert.Equal(0.5, temp.OutOfReferenceRangeShare);
        Assert.Equal(0.5, hum.MissingShare);
        Assert.Equal(0.25, season.MissingShare);
        Assert.Equal(0.5, season.UnseenShare);
        Assert.Equal(["winter"], season.UnseenCategories);
        Assert.Equal(0.75, result.RowsWithMissingShare);
        Assert.Equal(3.0 / 20, result.MissingShare, 12);
    }

    [Fact]
    public void Analyze_NumericColumnWithMoreDistinctValuesThanTheCap_IsMarkedAsALowerBound()
    {
        const int rows = DataQualityAnalyzer.DistinctCap + 500;
        var random = new Random(17);
        var temp = Enumerable.Range(0, rows).Select(_ => random.NextDouble()).ToArray();
        var hum = Enumerable.Range(0, rows).Select(i => (i % 7) / 10.0).ToArray();
        var season = Enumerable.Range(0, rows).Select(i => (string?)$"s{i}").ToArray();
        var days = Enumerable.Range(0, rows).Select(i => (DateTime?)Day(1).AddMinutes(i)).ToArray();

        var result = DataQualityAnalyzer.Analyze(Schema, Table(temp, hum, season, days), null, null, Day(9), []);

        var byName = result.Columns.ToDictionary(c => c.Column);
        Assert.Equal((DataQualityAnalyzer.DistinctCap, true), (byName["temp"].Distinct, byName["temp"].DistinctCapped));
        Assert.Equal((7, false), (byName["hum"].Distinct, byName["hum"].DistinctCapped));
        // Categories and timestamps are counted exactly, however many there are.
        Assert.Equal((rows, false), (byName["season"].Distinct, byName["season"].DistinctCapped));
        Assert.Equal((rows, false), (byName["day"].Distinct, byName["day"].DistinctCapped));
    }

    [Fact]
    public void DistinctCapped_IsSerializedForTheApiAndDerivedForStoredResults()
    {
        var capped = new ColumnQuality("temp", ColumnKind.Numeric, 0, 0, 0, DataQualityAnalyzer.DistinctCap, []);

        var json = System.Text.Json.JsonSerializer.Serialize(capped, DataProductDashboard.Data.JsonValueConverter.Options);
        var old = System.Text.Json.JsonSerializer.Deserialize<ColumnQuality>(json.Replace(",\"distinctCapped\":true", "", StringComparison.Ordinal), DataProductDashboard.Data.JsonValueConverter.Options)!;

        Assert.Contains("\"distinctCapped\":true", json, StringComparison.Ordinal);
        Assert.True(old.DistinctCapped);
    }

    [Fact]
    public void Analyze_FindsDuplicateKeysAndRows()
    {
        var table = Table([1, 1, 2, 1], [0.1, 0.1, 0.2, 0.1], ["spring", "spring", "summer", "spring"], [Day(1), Day(1), Day(1), Day(1)]);

        var result = DataQualityAnalyzer.Analyze(Schema, table, ["k1", "k1", "k2", "k3"], null, Day(2), []);

        Assert.Equal(1, result.DuplicateRowKeys);
        Assert.Equal(2, result.DuplicateRows);
    }

    [Fact]
    public void Analyze_TimelinessMeasuresLagCadenceAndGaps()
    {
        DateTime?[] days = [Day(1, 0), Day(1, 1), Day(1, 2), Day(1, 3), Day(1, 9), Day(1, 10)];
        var table = Table([1, 2, 3, 4, 5, 6], [0.1, 0.1, 0.1, 0.1, 0.1, 0.1], ["spring", "spring", "spring", "spring", "spring", "spring"], days);

        var result = DataQualityAnalyzer.Analyze(Schema, table, ["a", "b", "c", "d", "e", "f"], null, Day(2, 4), [3, 6, 9]);

        Assert.Equal(18, result.EventLagHours);
        Assert.Equal(1, result.CadenceHours);
        Assert.Equal(1, result.Gaps);
        Assert.Equal(1.0, result.VolumeRatio);
    }

    [Fact]
    public void Lateness_WeeklyBatchesThenTenDays_IsLate()
    {
        DateTime[] weekly = [Day(1), Day(8), Day(15), Day(22)];

        var onTime = DataQualityAnalyzer.Lateness(Day(29), weekly);
        var late = DataQualityAnalyzer.Lateness(Day(22).AddDays(11), weekly);
        var unknown = DataQualityAnalyzer.Lateness(Day(9), [Day(1), Day(8)]);

        Assert.Equal((168.0, 168.0, false), (onTime.SincePrevious!.Value, onTime.UsualInterval!.Value, onTime.Late));
        Assert.True(late.Late);
        Assert.Equal(264, late.SincePrevious);
        Assert.Null(unknown.UsualInterval);
        Assert.False(unknown.Late);
    }

    [Fact]
    public void Lateness_BatchesSecondsApart_IsNeverLateByLessThanAnHour()
    {
        var start = Day(1);
        DateTime[] loop = [start, start.AddSeconds(2), start.AddSeconds(4), start.AddSeconds(6)];

        var next = DataQualityAnalyzer.Lateness(start.AddSeconds(30), loop);
        var hoursLater = DataQualityAnalyzer.Lateness(start.AddHours(2), loop);

        Assert.False(next.Late); // 24 s after the previous, usually 2 s: 12x, but not an hour past
        Assert.True(hoursLater.Late);
    }

    [Fact]
    public void Audit_ShiftedBatch_DriftsAndNamesDirection()
    {
        var random = new Random(4);
        var reference = new ColumnTable(500);
        reference.AddNumeric("temp", Enumerable.Range(0, 500).Select(_ => random.NextDouble() * 20).ToArray());
        reference.AddNumeric("hum", Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToArray());
        reference.AddStrings("season", Enumerable.Range(0, 500).Select(i => (string?)(i % 2 == 0 ? "spring" : "summer")).ToArray());
        var profile = ReferenceProfile.Build(Schema, reference, Enumerable.Range(0, 500).Select(i => (float)i).ToArray());
        var batch = Table(
            Enumerable.Range(0, 300).Select(_ => 15 + (random.NextDouble() * 20)).ToArray(),
            Enumerable.Range(0, 300).Select(_ => random.NextDouble()).ToArray(),
            Enumerable.Range(0, 300).Select(i => (string?)(i % 2 == 0 ? "spring" : "summer")).ToArray(),
            Enumerable.Range(0, 300).Select(i => (DateTime?)Day(1 + (i % 20))).ToArray());

        var audit = BatchAuditor.Audit(Schema, batch, Enumerable.Range(0, 300).Select(i => $"k{i}").ToArray(),
            Enumerable.Range(0, 300).Select(i => (double)i + 250).ToArray(), profile, Day(25), [], DataProductDashboard.Analysis.Drift.DriftSettings.Default);

        var temp = audit.Drift.ColumnResults.Single(c => c.Column == "temp");
        var season = audit.Drift.ColumnResults.Single(c => c.Column == "season");
        Assert.True(temp.Drift);
        Assert.Equal("up", temp.Direction);
        Assert.False(season.Drift);
        Assert.Equal(3, audit.Drift.Columns);
        Assert.NotNull(audit.Drift.Prediction);
        Assert.True(audit.Drift.Prediction!.Drift);
        var latest = AuditPoints.Flatten(audit).ToDictionary(p => new DataProductDashboard.Analysis.Gates.MetricAddress(p.Key, p.Column), p => p.Value);
        var gates = DataProductDashboard.Analysis.Gates.DefaultGates.For(Schema, DataProductDashboard.Domain.TaskType.Regression, latest).Select(g => g.Rule).ToList();
        Assert.Contains(gates, g => g.MetricKey == AuditPoints.ColumnMissingShare && g.Column == "temp" && g.Condition == DataProductDashboard.Domain.GateCondition.Eq && g.Severity == DataProductDashboard.Domain.GateSeverity.Critical);
        Assert.Contains(gates, g => g.MetricKey == AuditPoints.ColumnMissingShare && g.Column == "hum" && g.Severity == DataProductDashboard.Domain.GateSeverity.Warning);
        Assert.Contains(gates, g => g.MetricKey == AuditPoints.ColumnUnseenShare && g.Column == "season");
        Assert.Contains(gates, g => g.MetricKey == AuditPoints.ColumnDrift && g.Column == "temp");
        Assert.Contains(gates, g => g.MetricKey == AuditPoints.DriftShare && g.Condition == DataProductDashboard.Domain.GateCondition.Lt && g.Threshold == 0.5);
    }
}
