using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.ViewModels.Gates;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class MetricOptionTests
{
    private static MetricOption Option(string key, string? column, double? value)
    {
        var info = MetricCatalog.Find(key)!;
        return MetricOption.From(new AvailableMetric(key, info.Name, info.Family, info.Scope, column, value, null, info.Unit, info.Explanation, info.LowerIsBetter));
    }

    [Theory]
    [InlineData("batch.rows", null)]
    [InlineData("dq.column.missing_share", "temp")]
    [InlineData("dq.column.missing_share", "a|b")]
    public void Id_ParsesBackToKeyAndColumn(string key, string? column)
    {
        var id = MetricOption.IdOf(key, column);

        Assert.Equal((key, column), MetricOption.Parse(id));
    }

    [Fact]
    public void Parse_Nothing_IsEmpty() => Assert.Equal(("", (string?)null), MetricOption.Parse(null));

    [Fact]
    public void Label_AndValueText_ReadForHumans()
    {
        Assert.Equal("Missing share of 'temp'", Option(AuditPoints.ColumnMissingShare, "temp", 0.0833).Label);
        Assert.Equal("0.083", Option(AuditPoints.ColumnMissingShare, "temp", 0.0833).ValueText);
        Assert.Equal("1,200 rows", Option(MetricKeys.Rows, null, 1200).ValueText);
        Assert.Equal("17.4 µs", Option(MetricKeys.LatencyP95, null, 17.4).ValueText);
        Assert.Equal("1 (yes)", Option(AuditPoints.ColumnDrift, "temp", 1).ValueText);
        Assert.Equal("no value yet", Option("perf.mae", null, null).ValueText);
    }

    [Fact]
    public void Grouped_KeepsTheScopeOrdersFamiliesAsTheCatalogAndSortsEachGroup()
    {
        MetricOption[] options =
        [
            Option(MetricKeys.LatencyP95, null, 10), Option(AuditPoints.ColumnMissingShare, "temp", 0), Option(AuditPoints.ColumnMissingShare, "hr", 0),
            Option("holdout.mae", null, 3), Option(AuditPoints.DriftShare, null, 0.2),
        ];

        var groups = MetricOption.Grouped(options, GateScope.Batch);

        Assert.Equal([MetricFamily.DataQuality, MetricFamily.Drift, MetricFamily.Behavior], groups.Select(g => g.Family));
        Assert.Equal(["Missing share of 'hr'", "Missing share of 'temp'"], groups[0].Options.Select(o => o.Label));
        Assert.Equal("holdout.mae", Assert.Single(Assert.Single(MetricOption.Grouped(options, GateScope.Release)).Options).Key);
    }

    [Fact]
    public void Unmeasured_KnownKey_HasNoValue_UnknownKey_IsNull()
    {
        var option = MetricOption.Unmeasured(AuditPoints.ColumnUnseenShare, "season")!;

        Assert.Equal(("Unseen categories of 'season'", "no value yet"), (option.Label, option.ValueText));
        Assert.Null(MetricOption.Unmeasured("no.such.metric", null));
    }
}
