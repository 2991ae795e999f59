using System.Text.Json;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Services.Demo;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Analysis;

/// <summary>Every drift method against scipy / numpy reference values (Fixtures/drift_methods.json, made by
/// Fixtures/generate_drift_fixtures.py), to 1e-6.</summary>
public sealed class DriftMethodsTests
{
    private const double Tolerance = 1e-6;

    private static readonly JsonElement Fixture = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(RepoPaths.Root, "DataProductDashboard.Tests", "Fixtures", "drift_methods.json"))).RootElement;

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.GetProperty("cases").EnumerateArray())
            data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    public static TheoryData<string> BikeColumns()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.GetProperty("bikeSharing2011vs2012").EnumerateObject())
            data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Score_EdgeCase_MatchesScipy(string name)
    {
        var c = Fixture.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        var pair = c.GetProperty("kind").GetString() == "Numeric"
            ? ColumnPair.Numeric(name, NumericSample.From(Numbers(c.GetProperty("reference"), c, "referenceSpecial")), NumericSample.From(Numbers(c.GetProperty("current"), c, null)))
            : ColumnPair.Categorical(name, CategoryCounts.From(Strings(c.GetProperty("referenceCategories"))), CategoryCounts.From(Strings(c.GetProperty("currentCategories"))));

        AssertMatches(pair, c.GetProperty("expected"), c.GetProperty("distinct").GetInt32());
    }

    [Theory]
    [MemberData(nameof(BikeColumns))]
    public void Score_BikeSharing2011Vs2012_MatchesScipy(string column)
    {
        var table = CsvBatchReader.Read(File.ReadAllBytes(RepoPaths.BikeHourCsv), "hour.csv", DemoProducts.BikeSchema, CsvReadMode.Training).Table;
        var year = table.Numeric("yr");
        var expected = Fixture.GetProperty("bikeSharing2011vs2012").GetProperty(column);
        ColumnPair pair;
        if (expected.GetProperty("kind").GetString() == "Numeric")
        {
            var values = table.Numeric(column);
            pair = ColumnPair.Numeric(column,
                NumericSample.From(values.Where((_, i) => year[i] == 0).ToArray()),
                NumericSample.From(values.Where((_, i) => year[i] == 1).ToArray()));
        }
        else
        {
            var values = table.Strings(column);
            pair = ColumnPair.Categorical(column,
                CategoryCounts.From(values.Where((_, i) => year[i] == 0)),
                CategoryCounts.From(values.Where((_, i) => year[i] == 1)));
        }

        AssertMatches(pair, expected.GetProperty("expected"), expected.GetProperty("distinct").GetInt32());
    }

    [Fact]
    public void DefaultFor_LargeReference_PicksWassersteinForRichNumericAndJensenShannonOtherwise()
    {
        var rich = NumericSample.From(Enumerable.Range(0, 1001).Select(i => (double)i).ToArray());
        var few = NumericSample.From(Enumerable.Range(0, 1001).Select(i => (double)(i % 5)).ToArray());
        var categories = CategoryCounts.From(Enumerable.Range(0, 1001).Select(i => (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Same(DriftMethods.Wasserstein, DriftMethods.DefaultFor(ColumnPair.Numeric("x", rich, rich)));
        Assert.Same(DriftMethods.JensenShannon, DriftMethods.DefaultFor(ColumnPair.Numeric("x", few, few)));
        Assert.Same(DriftMethods.JensenShannon, DriftMethods.DefaultFor(ColumnPair.Categorical("x", categories, categories)));
    }

    [Fact]
    public void DefaultFor_SmallReference_PicksChiSquareAboveTwoValuesAndZOtherwise()
    {
        var three = CategoryCounts.From(["a", "b", "c", "a"]);
        var two = CategoryCounts.From(["a", "b", "a"]);

        Assert.Same(DriftMethods.ChiSquare, DriftMethods.DefaultFor(ColumnPair.Categorical("x", three, three)));
        Assert.Same(DriftMethods.ZTest, DriftMethods.DefaultFor(ColumnPair.Categorical("x", two, two)));
    }

    [Theory]
    [InlineData("chisquare", 0.05, false)]
    [InlineData("chisquare", 0.0499, true)]
    [InlineData("wasserstein", 0.1, true)]
    [InlineData("wasserstein", 0.0999, false)]
    public void IsDrift_AtTheThreshold_FollowsTheMethodRule(string method, double score, bool drift) =>
        Assert.Equal(drift, DriftMethods.Find(method)!.IsDrift(score, DriftMethods.Find(method)!.DefaultThreshold));

    private static void AssertMatches(ColumnPair pair, JsonElement expected, int distinct)
    {
        Assert.Equal(distinct, pair.DistinctCount);
        foreach (var property in expected.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
                continue;
            if (property.Name == "default")
            {
                Assert.Equal(property.Value.GetString(), DriftMethods.DefaultFor(pair).Name);
                continue;
            }
            if (property.Name == "bins")
            {
                Assert.Equal(property.Value.GetInt32(), pair.Shares().Reference.Length);
                continue;
            }
            var method = DriftMethods.Find(property.Name) ?? throw new InvalidOperationException(property.Name);
            var actual = DriftMethods.Score(method, pair);
            Assert.True(Math.Abs(actual - property.Value.GetDouble()) <= Tolerance,
                $"{pair.Column} {method.Name}: expected {property.Value.GetDouble():R}, got {actual:R}");
        }
    }

    private static double[] Numbers(JsonElement array, JsonElement c, string? specials)
    {
        var values = array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()).ToList();
        if (specials is not null)
            values.AddRange(c.GetProperty(specials).EnumerateArray().Select(s => double.Parse(s.GetString()!.Replace("inf", "Infinity", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)));
        return [.. values];
    }

    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(v => v.GetString());
}
