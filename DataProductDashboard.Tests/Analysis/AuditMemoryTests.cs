using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Analysis;

/// <summary>The audit's memory savings give the same results: radix sort with keys made in place and one scratch
/// buffer, Sturges edges over two samples without their union, and each column tested as soon as it is sorted.</summary>
public sealed class AuditMemoryTests
{
    [Theory]
    [InlineData(4096, 1)]
    [InlineData(70_001, 2)]
    [InlineData(1_000_003, 3)]
    public void RadixSort_InPlaceKeys_GivesArraySortOrder(int n, int seed)
    {
        var random = new Random(seed);
        // Mixed signs and magnitudes (every pass) and, for seed 3, small integers: most high digits equal, so passes
        // are skipped and the result may end in the scratch buffer.
        var values = Enumerable.Range(0, n).Select(i => seed == 3 ? Math.Round(random.NextDouble() * 50) : (i % 5) switch
        {
            0 => -random.NextDouble() * 1e9,
            1 => random.NextDouble() * 1e-200,
            2 => -0.0,
            3 => 0.0,
            _ => random.NextDouble() - 0.5,
        }).ToArray();
        var expected = (double[])values.Clone();
        Array.Sort(expected);

        RadixSort.Sort(values);

        Assert.Equal(expected, values);
    }

    [Fact]
    public void SturgesEdges_OfTwoSamples_EqualsTheEdgesOfTheirUnion()
    {
        var random = new Random(5);
        var reference = Enumerable.Range(0, 1000).Select(_ => random.NextDouble() * 3).Order().ToArray();
        var current = Enumerable.Range(0, 5000).Select(_ => 1 + (random.NextDouble() * 4)).Order().ToArray();

        Assert.Equal(NumpyHistogram.SturgesEdges([.. reference, .. current]), NumpyHistogram.SturgesEdges(reference, current));
        Assert.Equal(NumpyHistogram.SturgesEdges(current), NumpyHistogram.SturgesEdges([], current));
        Assert.Equal(NumpyHistogram.SturgesEdges(reference), NumpyHistogram.SturgesEdges(reference, []));
    }

    [Fact]
    public void Audit_TestsEachColumnAsItGoes_SameResultsAsDetectAll()
    {
        var schema = TestSchemas.Regression;
        var random = new Random(6);
        var referenceTable = new ColumnTable(3000);
        referenceTable.AddNumeric("temp", Enumerable.Range(0, 3000).Select(_ => random.NextDouble() * 20).ToArray());
        referenceTable.AddNumeric("hum", Enumerable.Range(0, 3000).Select(_ => random.NextDouble()).ToArray());
        referenceTable.AddStrings("season", Enumerable.Range(0, 3000).Select(i => (string?)(i % 3 == 0 ? "spring" : "summer")).ToArray());
        var reference = ReferenceProfile.Build(schema, referenceTable, Enumerable.Range(0, 3000).Select(i => (float)(i % 100)).ToArray());
        const int rows = 6000;
        var batch = new ColumnTable(rows);
        batch.AddStrings("id", Enumerable.Range(0, rows).Select(i => (string?)$"r{i}").ToArray());
        batch.AddTimestamps("day", Enumerable.Range(0, rows).Select(i => (DateTime?)new DateTime(2024, 5, 1 + (i % 20), 0, 0, 0, DateTimeKind.Utc)).ToArray());
        var temp = Enumerable.Range(0, rows).Select(_ => 5 + (random.NextDouble() * 20)).ToArray();
        var hum = Enumerable.Range(0, rows).Select(i => i % 50 == 0 ? double.NaN : random.NextDouble()).ToArray();
        var season = Enumerable.Range(0, rows).Select(i => (string?)(i % 2 == 0 ? "spring" : "summer")).ToArray();
        batch.AddNumeric("temp", temp);
        batch.AddNumeric("hum", hum);
        batch.AddStrings("season", season);
        var predictions = Enumerable.Range(0, rows).Select(i => (double)(i % 120)).ToArray();
        var settings = new DriftSettings(0.3);

        var audit = BatchAuditor.Audit(schema, batch, null, predictions, reference, new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc), [], settings);

        var expected = DriftDetector.DetectAll(
            [
                ColumnPair.Numeric("temp", reference.Numeric("temp")!, NumericSample.From(temp)),
                ColumnPair.Numeric("hum", reference.Numeric("hum")!, NumericSample.From(hum)),
                ColumnPair.Categorical("season", reference.Categories("season")!, CategoryCounts.From(season)),
            ],
            ColumnPair.Numeric(DriftDetector.PredictionColumn, reference.Predictions, NumericSample.From(predictions)), settings);
        Assert.Equal(expected.ColumnResults.Select(c => c.Column), audit.Drift.ColumnResults.Select(c => c.Column));
        Assert.Equal(expected.ColumnResults, audit.Drift.ColumnResults);
        Assert.Equal(expected.Prediction, audit.Drift.Prediction);
        Assert.Equal((expected.Columns, expected.Drifted, expected.Share, expected.Drift),
            (audit.Drift.Columns, audit.Drift.Drifted, audit.Drift.Share, audit.Drift.Drift));
    }
}
