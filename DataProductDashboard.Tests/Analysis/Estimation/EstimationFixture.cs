using System.Text.Json;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Analysis.Estimation;

/// <summary>Fixtures/estimation.json (produced by Fixtures/generate_estimation_fixtures.py with scikit-learn 1.2.1 and
/// numpy 1.24.2; see Fixtures/README.md), shared by the estimation and multivariate tests. NaN is stored as null.</summary>
internal static class EstimationFixture
{
    private static readonly JsonElement Root = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(RepoPaths.Root, "DataProductDashboard.Tests", "Fixtures", "estimation.json"))).RootElement;

    public static TheoryData<string> Names(string group)
    {
        var data = new TheoryData<string>();
        foreach (var c in Root.GetProperty(group).EnumerateArray())
            data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    public static JsonElement Case(string group, string name) =>
        Root.GetProperty(group).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static double Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? double.NaN : value.GetDouble();

    public static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(Number).ToArray();

    public static double[][] Rows(JsonElement array) => array.EnumerateArray().Select(Numbers).ToArray();

    /// <summary>Equal within <paramref name="tolerance"/>, or both NaN (null in the fixture).</summary>
    public static void Near(double expected, double actual, double tolerance, string what)
    {
        if (double.IsNaN(expected))
        {
            Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual:R}");
            return;
        }
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: expected {expected:R}, got {actual:R}");
    }

    public static void Near(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: expected {expected.Count} values, got {actual.Count}");
        for (var i = 0; i < expected.Count; i++)
            Near(expected[i], actual[i], tolerance, $"{what}[{i}]");
    }
}
