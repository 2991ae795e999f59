using Bunit;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Components.Pages.Audit;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Components;

/// <summary>The drift table says when numeric columns were tested on a sample of a long batch, and stays quiet when
/// every row was tested.</summary>
public sealed class DriftTableTests : BunitTestContext
{
    private static DatasetDriftResult Drift(long? sampledFrom, int? sampleRows) => new(1, 0, 0, 0.5, false,
        [new DriftColumnResult("temp", "num", "ks", "K-S p-value", ScoreKind.PValue, 0.05, 0.4, false, "p < 0.05", 3000, sampleRows ?? 5000, 10, 10.2)],
        null, sampledFrom, sampleRows);

    [Fact]
    public async Task Render_SampledBatch_SaysHowManyRowsWereTested()
    {
        UseData(await UiTestData.CreateEmptyAsync());

        var cut = Render<DriftTable>(ps => ps.Add(p => p.Drift, Drift(10_000_000, 1_000_000)));

        var note = cut.Find("[data-testid=drift-sampled]").TextContent;
        Assert.Contains("sample of 1,000,000", note, StringComparison.Ordinal);
        Assert.Contains("10,000,000 rows", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_EveryRowTested_ShowsNoSampleNote()
    {
        UseData(await UiTestData.CreateEmptyAsync());

        var cut = Render<DriftTable>(ps => ps.Add(p => p.Drift, Drift(null, null)));

        Assert.Empty(cut.FindAll("[data-testid=drift-sampled]"));
    }
}
