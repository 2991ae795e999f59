using System.Text.Json;
using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Tests.Analysis.Drift;

/// <summary>Seasonal columns (calendar cycles) are tested like any other but left out of the dataset-drift share.</summary>
public sealed class SeasonalDriftTests
{
    private static DriftColumnResult Result(string column, bool drift, bool seasonal = false) =>
        new(column, "Numeric", "wasserstein", "Wasserstein distance (normed)", ScoreKind.Distance, 0.1, drift ? 0.4 : 0.02, drift,
            "drift when Wasserstein distance (normed) ≥ 0.1", 1000, 48, 0.5, 0.5, seasonal);

    /// <summary>Hours 0–23 uniformly over 60 days, against a batch holding only the night (hours 0–5): drifts.</summary>
    private static ColumnPair Hours()
    {
        var reference = Enumerable.Range(0, 24 * 60).Select(i => (double)(i % 24)).ToArray();
        var current = Enumerable.Range(0, 48).Select(i => (double)(i % 6)).ToArray();
        return ColumnPair.Numeric("hr", NumericSample.From(reference), NumericSample.From(current));
    }

    /// <summary>The same seeded temperatures on both sides: does not drift.</summary>
    private static ColumnPair Temperatures(string column)
    {
        var random = new Random(17);
        var values = Enumerable.Range(0, 1440).Select(_ => random.NextDouble()).ToArray();
        return ColumnPair.Numeric(column, NumericSample.From(values), NumericSample.From(values.Take(480).ToArray()));
    }

    [Fact]
    public void Summarize_SeasonalColumnsDrift_LeftOutOfTheShare()
    {
        // Counted: 1 of 3 drifted (33 %). Counting the two drifted seasonal columns would give 3 of 5 (60 %): dataset drift.
        var results = new[] { Result("temp", true), Result("hum", false), Result("windspeed", false), Result("hr", true, seasonal: true), Result("weekday", true, seasonal: true) };

        var summary = DriftDetector.Summarize(results, null, DriftSettings.Default);

        Assert.Equal((3, 1), (summary.Columns, summary.Drifted));
        Assert.Equal(1.0 / 3, summary.Share, 12);
        Assert.False(summary.Drift);
        Assert.Equal(5, summary.ColumnResults.Count);
    }

    [Fact]
    public void Summarize_OnlySeasonalColumnsDrift_IsNoDatasetDrift()
    {
        var results = new[] { Result("temp", false), Result("hr", true, seasonal: true), Result("mnth", true, seasonal: true), Result("weekday", true, seasonal: true) };

        var summary = DriftDetector.Summarize(results, null, DriftSettings.Default);

        Assert.Equal((1, 0, 0.0), (summary.Columns, summary.Drifted, summary.Share));
        Assert.False(summary.Drift);
    }

    [Fact]
    public void Summarize_EverySeasonalColumn_NoCountedColumnAndNoDrift()
    {
        var summary = DriftDetector.Summarize([Result("hr", true, seasonal: true)], null, DriftSettings.Default);

        Assert.Equal((0, 0, 0.0, false), (summary.Columns, summary.Drifted, summary.Share, summary.Drift));
    }

    [Fact]
    public void DetectAll_SeasonalNames_MarksThemAndKeepsTheirScore()
    {
        var seasonal = new HashSet<string>(StringComparer.Ordinal) { "hr" };

        var marked = DriftDetector.DetectAll([Hours(), Temperatures("temp")], null, DriftSettings.Default, seasonal);
        var unmarked = DriftDetector.DetectAll([Hours(), Temperatures("temp")], null, DriftSettings.Default);

        var hour = marked.ColumnResults.Single(c => c.Column == "hr");
        Assert.True(hour.Seasonal);
        Assert.True(hour.Drift);
        Assert.Equal(unmarked.ColumnResults.Single(c => c.Column == "hr").Score, hour.Score);
        Assert.False(marked.ColumnResults.Single(c => c.Column == "temp").Seasonal);
        Assert.Equal((1, 0, false), (marked.Columns, marked.Drifted, marked.Drift));
        Assert.Equal((2, 1, true), (unmarked.Columns, unmarked.Drifted, unmarked.Drift));
    }

    [Fact]
    public void BatchAuditBuilder_SeasonalColumnInSchema_IsMarkedAndNotCounted()
    {
        var schema = new ProductSchema(
        [
            new("hr", ColumnKind.Numeric, Min: 0, Max: 23, Seasonal: true),
            new("temp", ColumnKind.Numeric),
            new("cnt", ColumnKind.Numeric, ColumnRole.Label),
        ]);
        var random = new Random(23);
        var temps = Enumerable.Range(0, 1440).Select(_ => random.NextDouble()).ToArray();
        var training = new ColumnTable(1440);
        training.AddNumeric("hr", Enumerable.Range(0, 1440).Select(i => (double)(i % 24)).ToArray());
        training.AddNumeric("temp", temps);
        var reference = ReferenceProfile.Build(schema, training, new float[1440]);
        var batch = new ColumnTable(480);
        batch.AddNumeric("hr", Enumerable.Range(0, 480).Select(i => (double)(i % 6)).ToArray());
        batch.AddNumeric("temp", temps.Take(480).ToArray());
        var builder = new BatchAuditBuilder(schema, reference, DriftSettings.Default);
        builder.Add(batch, null, new double[480]);

        var drift = builder.Finish(new DateTime(2012, 6, 1, 0, 0, 0, DateTimeKind.Utc), []).Drift;

        Assert.True(drift.ColumnResults.Single(c => c.Column == "hr") is { Seasonal: true, Drift: true });
        Assert.False(drift.ColumnResults.Single(c => c.Column == "temp").Seasonal);
        Assert.Equal((1, 0, false), (drift.Columns, drift.Drifted, drift.Drift));
    }

    [Fact]
    public void Json_WithoutSeasonal_ReadsAsFalse()
    {
        // As schemas and audit results are stored (and as the API reads them, enums as names).
        var options = DataProductDashboard.Data.JsonValueConverter.Options;

        var spec = JsonSerializer.Deserialize<ColumnSpec>("""{"name":"hr","kind":"Numeric"}""", options)!;
        var marked = JsonSerializer.Deserialize<ColumnSpec>("""{"name":"hr","kind":"Numeric","seasonal":true}""", options)!;
        var stored = JsonSerializer.Deserialize<DriftColumnResult>(
            """{"column":"hr","kind":"Numeric","method":"ks","methodDisplayName":"K-S","scoreKind":"PValue","threshold":0.05,"score":0.01,"drift":true,"rule":"r","referenceCount":10,"currentCount":5}""", options)!;

        Assert.False(spec.Seasonal);
        Assert.True(marked.Seasonal);
        Assert.False(stored.Seasonal);
        Assert.Contains("\"seasonal\":true", JsonSerializer.Serialize(marked, options), StringComparison.Ordinal);
    }
}
