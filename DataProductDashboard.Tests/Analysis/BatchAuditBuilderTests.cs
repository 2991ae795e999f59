using System.Text.Json;
using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Analysis.Statistics;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Analysis;

/// <summary>An audit built chunk by chunk equals the audit of the whole batch, and a batch longer than the drift sample
/// is tested on a seeded uniform sample that the result states.</summary>
public sealed class BatchAuditBuilderTests
{
    private static readonly DateTime ReceivedAt = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DriftSettings Settings = new(0.3);

    private static ReferenceProfile Reference()
    {
        var random = new Random(6);
        var table = new ColumnTable(3000);
        table.AddNumeric("temp", Enumerable.Range(0, 3000).Select(_ => random.NextDouble() * 20).ToArray());
        table.AddNumeric("hum", Enumerable.Range(0, 3000).Select(_ => random.NextDouble()).ToArray());
        table.AddStrings("season", Enumerable.Range(0, 3000).Select(i => (string?)(i % 3 == 0 ? "spring" : "summer")).ToArray());
        return ReferenceProfile.Build(TestSchemas.Regression, table, Enumerable.Range(0, 3000).Select(i => (float)(i % 100)).ToArray());
    }

    /// <summary>A batch with missing values, out-of-range values, an unseen category, repeated keys and repeated rows
    /// (every 89th row from row 3 on has the same values under another key).</summary>
    private static (ColumnTable Table, string[] Keys, double[] Predictions) Batch(int rows, int seed)
    {
        var random = new Random(seed);
        var table = new ColumnTable(rows);
        var keys = Enumerable.Range(0, rows).Select(i => i % 97 == 5 ? "r0" : $"r{i}").ToArray();
        table.AddStrings("id", keys.Select(k => (string?)k).ToArray());
        table.AddTimestamps("day", Enumerable.Range(0, rows).Select(i => i % 89 == 3 ? new DateTime(2024, 5, 2, 0, 0, 0, DateTimeKind.Utc) : i % 211 == 0 ? null : (DateTime?)new DateTime(2024, 5, 1 + (i % 20), i % 24, 0, 0, DateTimeKind.Utc)).ToArray());
        table.AddNumeric("temp", Enumerable.Range(0, rows).Select(i => i % 89 == 3 ? 10.0 : i % 13 == 0 ? 25.0 : 5 + Math.Round(random.NextDouble() * 20, 1)).ToArray());
        table.AddNumeric("hum", Enumerable.Range(0, rows).Select(i => i % 89 == 3 ? 0.5 : i % 50 == 0 ? double.NaN : random.NextDouble()).ToArray());
        table.AddStrings("season", Enumerable.Range(0, rows).Select(i => i % 89 == 3 ? "spring" : i % 401 == 0 ? null : (string?)(i % 7 == 0 ? "monsoon" : i % 2 == 0 ? "spring" : "summer")).ToArray());
        return (table, keys, Enumerable.Range(0, rows).Select(i => (double)(i % 120)).ToArray());
    }

    private static ColumnTable Slice(ColumnTable table, int from, int count) => table.Select(Enumerable.Range(from, count).ToArray());

    [Theory]
    [InlineData(1)]
    [InlineData(333)]
    [InlineData(2048)]
    public void Add_InChunks_GivesTheAuditOfTheWholeBatch(int chunkRows)
    {
        const int rows = 5000;
        var (table, keys, predictions) = Batch(rows, seed: 3);
        var reference = Reference();
        var whole = BatchAuditor.Audit(TestSchemas.Regression, table, keys, predictions, reference, ReceivedAt, [4000, 6000], Settings);

        var builder = new BatchAuditBuilder(TestSchemas.Regression, reference, Settings, rows);
        for (var from = 0; from < rows; from += chunkRows)
        {
            var count = Math.Min(chunkRows, rows - from);
            builder.Add(Slice(table, from, count), keys[from..(from + count)], predictions.AsMemory(from, count));
        }
        var chunked = builder.Finish(ReceivedAt, [4000, 6000]);

        Assert.True(whole.Quality.DuplicateRowKeys > 0 && whole.Quality.DuplicateRows > 0 && whole.Quality.MissingShare > 0);
        Assert.Null(chunked.Drift.SampledFrom);
        Assert.Equal(JsonSerializer.Serialize(whole), JsonSerializer.Serialize(chunked));
    }

    [Fact]
    public void Finish_MoreRowsThanTheSample_TestsNumericColumnsOnTheSampleAndSaysSo()
    {
        const int rows = 5000;
        var (table, keys, predictions) = Batch(rows, seed: 8);
        var reference = Reference();

        AuditResult Build(int seed)
        {
            var builder = new BatchAuditBuilder(TestSchemas.Regression, reference, Settings, rows, driftSampleRows: 1000, seed: seed);
            for (var from = 0; from < rows; from += 700)
            {
                var count = Math.Min(700, rows - from);
                builder.Add(Slice(table, from, count), keys[from..(from + count)], predictions.AsMemory(from, count));
            }
            return builder.Finish(ReceivedAt, []);
        }

        var audit = Build(seed: 42);

        Assert.Equal(rows, audit.Drift.SampledFrom);
        Assert.Equal(1000, audit.Drift.SampleRows);
        Assert.Equal(rows, audit.Quality.Rows);
        var temp = audit.Drift.ColumnResults.Single(c => c.Column == "temp");
        Assert.Equal(1000, temp.CurrentCount);
        // Categorical drift counts every row (missing values dropped).
        var season = audit.Drift.ColumnResults.Single(c => c.Column == "season");
        Assert.Equal(table.Strings("season").Count(s => s is not null), season.CurrentCount);
        Assert.Equal(1000, audit.Drift.Prediction!.CurrentCount);
        // The same file gives the same sample; another seed another one.
        Assert.Equal(JsonSerializer.Serialize(audit), JsonSerializer.Serialize(Build(seed: 42)));
        Assert.NotEqual(temp.Score, Build(seed: 43).Drift.ColumnResults.Single(c => c.Column == "temp").Score);
    }

    [Fact]
    public void Reservoir_FewerRowsThanCapacity_KeepsEveryRowInOrder()
    {
        var reservoir = new Reservoir(columns: 1, capacity: 100, seed: 1);
        for (var i = 0; i < 60; i++)
            reservoir.Set(0, reservoir.Offer(), i);

        Assert.False(reservoir.Sampled);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => (double)i), reservoir.Column(0).ToArray());
    }

    [Fact]
    public void Reservoir_ManyMoreRows_KeepsAUniformSample()
    {
        // 1,000 of 100,000 rows: each decile of the stream should hold about 100 of them (a binomial with sd ≈ 9.5;
        // the bounds are 5 sd, and the seed is fixed).
        var reservoir = new Reservoir(columns: 1, capacity: 1000, seed: 7);
        for (var i = 0; i < 100_000; i++)
        {
            var slot = reservoir.Offer();
            if (slot >= 0)
                reservoir.Set(0, slot, i);
        }

        Assert.True(reservoir.Sampled);
        Assert.Equal(1000, reservoir.Column(0).Length);
        Assert.Equal(1000, reservoir.Column(0).ToArray().Distinct().Count());
        var deciles = reservoir.Column(0).ToArray().GroupBy(v => (int)(v / 10_000)).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Enumerable.Range(0, 10), d => Assert.InRange(deciles.GetValueOrDefault(d), 52, 148));
    }

    [Fact]
    public void RowHashes_RepeatedValues_CountEachRepeatOnce()
    {
        var hashes = new RowHashes(4);
        foreach (var key in new[] { "a", "b", "a", "c", "a", "b" })
            hashes.Add(RowHashes.Of(key));

        Assert.Equal(3, hashes.Duplicates());
        Assert.Equal(RowHashes.Of(0.0), RowHashes.Of(-0.0));
        Assert.Equal(RowHashes.Of(double.NaN), RowHashes.Of(-double.NaN));
        Assert.NotEqual(RowHashes.Of((string?)null), RowHashes.Of(""));
        Assert.NotEqual(RowHashes.Of([RowHashes.Of("x"), RowHashes.Of("y")]), RowHashes.Of([RowHashes.Of("y"), RowHashes.Of("x")]));
    }
}
