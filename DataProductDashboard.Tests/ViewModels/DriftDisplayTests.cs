using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.ViewModels.Audit;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class DriftDisplayTests
{
    private static DriftColumnResult Column(string name, ScoreKind kind, double score, double threshold, bool drift, double? refMean = null, double? curMean = null) =>
        new(name, "Numeric", kind == ScoreKind.PValue ? "ks" : "wasserstein", kind == ScoreKind.PValue ? "Kolmogorov–Smirnov test" : "Wasserstein distance (normed)",
            kind, threshold, score, drift, kind == ScoreKind.PValue ? $"drift when Kolmogorov–Smirnov test < {threshold}" : $"drift when Wasserstein distance (normed) ≥ {threshold}",
            100, 50, refMean, curMean);

    private static DatasetDriftResult Dataset(params DriftColumnResult[] columns) =>
        new(columns.Length, columns.Count(c => c.Drift), (double)columns.Count(c => c.Drift) / columns.Length, 0.5, false, columns, null);

    [Fact]
    public void Verdict_ThreeOfTwelve_ReadsAsASentence()
    {
        var drift = new DatasetDriftResult(12, 3, 0.25, 0.5, false, [], null);

        Assert.Equal("3 of 12 features drifted (25 %), dataset drift threshold 50 %", DriftDisplay.Verdict(drift));
    }

    [Fact]
    public void Verdict_WithSeasonalFeatures_SaysTheyAreShownApart()
    {
        DriftColumnResult[] columns = [Column("temp", ScoreKind.Distance, 0.2, 0.1, true), Column("hum", ScoreKind.Distance, 0.01, 0.1, false),
            Column("hr", ScoreKind.Distance, 0.4, 0.1, true) with { Seasonal = true }, Column("mnth", ScoreKind.Distance, 0.01, 0.1, false) with { Seasonal = true }];
        var drift = new DatasetDriftResult(2, 1, 0.5, 0.5, true, columns, null);

        Assert.Equal("1 of 2 features drifted (50 %), dataset drift threshold 50 %; 2 seasonal features shown apart (1 drifted)", DriftDisplay.Verdict(drift));
    }

    [Fact]
    public void DefaultColumn_SeasonalMostDrifted_PrefersACountedDriftedColumn()
    {
        var drift = Dataset(
            Column("hr", ScoreKind.Distance, 0.9, 0.1, true) with { Seasonal = true },
            Column("temp", ScoreKind.Distance, 0.2, 0.1, true),
            Column("hum", ScoreKind.Distance, 0.05, 0.1, false));

        Assert.Equal("temp", DriftDisplay.DefaultColumn(drift, null));
    }

    [Fact]
    public void DefaultColumn_NoRequest_MostDriftedAcrossMethods()
    {
        var drift = Dataset(
            Column("a", ScoreKind.Distance, 0.2, 0.1, true),
            Column("b", ScoreKind.PValue, 1e-6, 0.05, true),
            Column("c", ScoreKind.Distance, 0.05, 0.1, false));

        Assert.Equal("b", DriftDisplay.DefaultColumn(drift, null));
        Assert.Equal("c", DriftDisplay.DefaultColumn(drift, "c"));
        Assert.Equal("b", DriftDisplay.DefaultColumn(drift, "unknown"));
        Assert.Null(DriftDisplay.DefaultColumn(null, "a"));
    }

    [Fact]
    public void ScoreAndRule_ReadCompactly()
    {
        var c = Column("a", ScoreKind.Distance, 0.26224, 0.1, true, 10, 12);

        Assert.Equal("0.2622", DriftDisplay.Score(c.Score));
        Assert.Equal("1.2e-7", DriftDisplay.Score(1.2e-7));
        Assert.Equal("drift when score ≥ 0.1", DriftDisplay.ShortRule(c));
        Assert.Equal("↑ up", DriftDisplay.DirectionText(c));
    }

    [Fact]
    public void DriftTableCsv_OneRowPerColumnWithHeader()
    {
        var csv = DriftTableCsv.Write([Column("temp", ScoreKind.Distance, 0.25, 0.1, true, 0.5, 0.6)]);

        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("column,kind,method,method_name,score_kind,score,threshold,rule,drift,direction", lines[0]);
        Assert.StartsWith("temp,Numeric,wasserstein,Wasserstein distance (normed),Distance,0.25,0.1,", lines[1]);
        Assert.EndsWith(",true,up,100,50,0.5,0.6,false", lines[1]);
        Assert.EndsWith(",seasonal", lines[0]);
    }

    [Fact]
    public void SeriesPoints_BandPairsLowAndHighByBatch()
    {
        var t = new DateTime(2012, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        MetricSeriesPoint P(int batch, double v) => new(t.AddDays(batch), v, batch, 1, null, null);

        var band = SeriesPoints.Band([P(1, 1), P(2, 2), P(3, 3)], [P(1, 10), P(3, 30)]);

        Assert.Equal([(1.0, 10.0), (3.0, 30.0)], band.Select(b => (b.Low, b.High)));
        var meanStd = SeriesPoints.MeanStd([P(1, 5)], [P(1, 2)]);
        Assert.Equal((3.0, 7.0), (meanStd[0].Low, meanStd[0].High));
    }
}
