using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Analysis.Drift;

/// <summary>A reference window of past batches: what each batch keeps, how the samples pool into a reference, what
/// the window's settings accept, and the audit that states which reference served.</summary>
public sealed class ReferenceWindowTests
{
    private static readonly DateTime ReceivedAt = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private static ReferenceProfile Training()
    {
        var random = new Random(6);
        var table = new ColumnTable(2000);
        table.AddNumeric("temp", Enumerable.Range(0, 2000).Select(_ => random.NextDouble() * 20).ToArray());
        table.AddNumeric("hum", Enumerable.Range(0, 2000).Select(_ => random.NextDouble()).ToArray());
        table.AddStrings("season", Enumerable.Range(0, 2000).Select(i => (string?)(i % 3 == 0 ? "spring" : "summer")).ToArray());
        return ReferenceProfile.Build(TestSchemas.Regression, table, Enumerable.Range(0, 2000).Select(i => (float)(i % 100)).ToArray());
    }

    private static (ColumnTable Table, double[] Predictions) Batch(int rows, int seed, double shift = 0)
    {
        var random = new Random(seed);
        var table = new ColumnTable(rows);
        table.AddNumeric("temp", Enumerable.Range(0, rows).Select(_ => 30 + shift + random.NextDouble() * 5).ToArray());
        table.AddNumeric("hum", Enumerable.Range(0, rows).Select(i => i % 10 == 0 ? double.NaN : random.NextDouble()).ToArray());
        table.AddStrings("season", Enumerable.Range(0, rows).Select(i => (string?)(i % 4 == 0 ? "winter" : "summer")).ToArray());
        return (table, Enumerable.Range(0, rows).Select(_ => 200 + shift + random.NextDouble()).ToArray());
    }

    private static BatchAuditBuilder Built(ReferenceProfile training, ColumnTable table, double[] predictions,
        (ReferenceProfile, DriftReference)? window = null)
    {
        var builder = new BatchAuditBuilder(TestSchemas.Regression, training, DriftSettings.Default, table.RowCount, window: window);
        builder.Add(table, null, predictions);
        return builder;
    }

    [Fact]
    public void ReferenceSampleOf_BatchShorterThanTheSample_KeepsEveryRowInOrderAndEveryCategory()
    {
        var (table, predictions) = Batch(120, seed: 1);

        var sample = Built(Training(), table, predictions).ReferenceSampleOf(500, seed: 9);

        Assert.Equal(120, sample.Rows);
        Assert.Equal(120, sample.SampledRows);
        Assert.True(table.TryGetNumeric("temp", out var temp));
        Assert.Equal(temp, sample.Numbers["temp"]);
        Assert.Equal(predictions, sample.Predictions);
        Assert.Equal(30, sample.Categories["season"]["winter"]);
        Assert.Equal(90, sample.Categories["season"]["summer"]);
    }

    [Fact]
    public void ReferenceSampleOf_LongBatch_KeepsTheSameSeededRowsOfEveryColumn()
    {
        var (table, predictions) = Batch(5000, seed: 2);
        var builder = Built(Training(), table, predictions);

        var first = builder.ReferenceSampleOf(500, seed: 9);
        var again = builder.ReferenceSampleOf(500, seed: 9);
        var other = builder.ReferenceSampleOf(500, seed: 10);

        Assert.Equal(5000, first.Rows);
        Assert.Equal(500, first.SampledRows);
        Assert.Equal(first.Numbers["temp"], again.Numbers["temp"]);
        Assert.NotEqual(first.Numbers["temp"], other.Numbers["temp"]);
        // The same rows in every column: each kept prediction sits beside its own row's temperature.
        Assert.True(table.TryGetNumeric("temp", out var temp));
        var rowOf = temp.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
        var rows = first.Numbers["temp"].Select(v => rowOf[v]).ToArray();
        Assert.Equal(rows.Order().ToArray(), rows);
        Assert.Equal(rows.Select(r => predictions[r]), first.Predictions);
        // Categories are counted over every row, not the sample.
        Assert.Equal(5000, first.Categories["season"].Values.Sum());
    }

    [Fact]
    public void FromSamples_TwoBatches_PoolsValuesSumsCategoriesAndKeepsTheTrainingOnlyParts()
    {
        var training = Training();
        var samples = new[]
        {
            new ReferenceSample(3, new Dictionary<string, double[]> { ["temp"] = [3, 1, double.NaN] }, new Dictionary<string, Dictionary<string, long>> { ["season"] = new() { ["a"] = 2, ["b"] = 1 } }, [0.5, 0.1, 0.3]),
            new ReferenceSample(2, new Dictionary<string, double[]> { ["temp"] = [2, 0] }, new Dictionary<string, Dictionary<string, long>> { ["season"] = new() { ["b"] = 4 } }, [0.2, 0.4]),
        };

        var pooled = ReferenceProfile.FromSamples(training, samples);

        Assert.Equal(new double[] { 0, 1, 2, 3 }, pooled.SortedNumbers["temp"]);
        Assert.Equal(2, pooled.CategoryCounts["season"]["a"]);
        Assert.Equal(5, pooled.CategoryCounts["season"]["b"]);
        Assert.Equal(new[] { 0.1, 0.2, 0.3, 0.4, 0.5 }, pooled.SortedPredictions);
        Assert.Equal(5, pooled.Rows);
        Assert.False(pooled.SortedNumbers.ContainsKey("hum"));
        Assert.Same(training.Multivariate, pooled.Multivariate);
        Assert.Same(training.SegmentPredictions, pooled.SegmentPredictions);
    }

    [Fact]
    public void Finish_WithAWindowLikeTheBatch_FindsNoDriftWhereTheTrainingDataDoes()
    {
        var training = Training();
        var earlier = new[] { Batch(400, seed: 3), Batch(400, seed: 4) }
            .Select((b, i) => Built(training, b.Table, b.Predictions).ReferenceSampleOf(500, seed: i)).ToList();
        var window = ReferenceProfile.FromSamples(training, earlier);
        var used = new DriftReference(new ReferenceWindow(ReferenceWindowKind.LastBatches, LastBatches: 2), 2, window.Rows, 7, 8);
        var (table, predictions) = Batch(400, seed: 5);

        var againstTraining = Built(training, table, predictions).Finish(ReceivedAt, []);
        var againstWindow = Built(training, table, predictions, (window, used)).Finish(ReceivedAt, []);

        Assert.True(againstTraining.Drift.Drift);
        Assert.Equal(ReferenceWindowKind.Training, againstTraining.Drift.Reference!.Window.Kind);
        Assert.False(againstWindow.Drift.Drift);
        Assert.False(againstWindow.Drift.Prediction!.Drift);
        Assert.Same(used, againstWindow.Drift.Reference);
        // The window's test is the plain two-sample test of the pooled rows against the batch.
        Assert.True(table.TryGetNumeric("temp", out var temp));
        var expected = DriftDetector.DetectColumn(ColumnPair.Numeric("temp", NumericSample.From([.. earlier.SelectMany(s => s.Numbers["temp"])]), NumericSample.From(temp)),
            DriftSettings.Default, seasonal: false);
        Assert.Equal(expected!.Score, againstWindow.Drift.ColumnResults.Single(c => c.Column == "temp").Score, 12);
        // Data quality stays on the training data: the batch's temperatures are all above its range.
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(againstTraining.Quality), System.Text.Json.JsonSerializer.Serialize(againstWindow.Quality));
    }

    [Fact]
    public void Encode_ThenDecode_GivesTheSampleBackBitForBit()
    {
        var sample = new ReferenceSample(7,
            new Dictionary<string, double[]> { ["temp"] = [Math.PI, double.NaN, -0.0, 1e-300], ["hum"] = [] },
            new Dictionary<string, Dictionary<string, long>> { ["season"] = new() { ["été"] = 5, [""] = 2 } },
            [0.25, double.Epsilon]);

        var back = ReferenceSampleCodec.Decode(ReferenceSampleCodec.Encode(sample));

        Assert.Equal(7, back.Rows);
        Assert.Equal(sample.Numbers["temp"].Select(BitConverter.DoubleToInt64Bits), back.Numbers["temp"].Select(BitConverter.DoubleToInt64Bits));
        Assert.Empty(back.Numbers["hum"]);
        Assert.Equal(5, back.Categories["season"]["été"]);
        Assert.Equal(2, back.Categories["season"][""]);
        Assert.Equal(sample.Predictions, back.Predictions);
    }

    [Fact]
    public void Decode_UnknownVersion_ThrowsNamingIt()
    {
        var error = Assert.Throws<InvalidDataException>(() => ReferenceSampleCodec.Decode([9, 0, 0]));

        Assert.Contains("format 9", error.Message);
    }

    [Theory]
    [InlineData(ReferenceWindowKind.LastBatches, null, null, 0, "reference.lastBatches")]
    [InlineData(ReferenceWindowKind.LastBatches, null, null, null, "reference.lastBatches")]
    [InlineData(ReferenceWindowKind.LastBatches, "2024-01-01", null, 5, "reference.from")]
    [InlineData(ReferenceWindowKind.Period, "2024-02-01", "2024-01-01", null, "reference.to")]
    [InlineData(ReferenceWindowKind.Period, null, "2024-01-01", null, "reference.from")]
    [InlineData(ReferenceWindowKind.Training, null, null, 3, "reference.kind")]
    public void Validate_InvalidWindow_NamesTheField(ReferenceWindowKind kind, string? from, string? to, int? last, string field)
    {
        var window = new ReferenceWindow(kind, from is null ? null : DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to), last);

        Assert.Contains(field, window.Validate().Keys);
    }

    [Fact]
    public void Describe_EachKindAndAFallback_ReadsAsASentencePart()
    {
        var period = new ReferenceWindow(ReferenceWindowKind.Period, new DateOnly(2012, 3, 1), new DateOnly(2012, 3, 31));
        var rolling = new ReferenceWindow(ReferenceWindowKind.LastBatches, LastBatches: 10);

        Assert.Empty(period.Validate());
        Assert.Equal("batches of 2012-03-01 to 2012-03-31", period.Describe());
        Assert.Equal("the last 10 batches (10 batches, #41–#50, 5,000 sampled rows)", new DriftReference(rolling, 10, 5000, 41, 50).Describe());
        Assert.Equal("training data (731 rows): the last 10 batches held no batch with a stored sample yet",
            new DriftReference(rolling, 0, 731, FellBack: true).Describe());
        Assert.Equal("training data (731 rows)", DriftReference.Training(731).Describe());
    }
}
