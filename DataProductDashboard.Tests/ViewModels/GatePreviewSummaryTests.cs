using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.ViewModels.Gates;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class GatePreviewSummaryTests
{
    private static IReadOnlyList<GatePreviewRow> Rows(params GateStatus[] statuses) =>
        statuses.Select((s, i) => new GatePreviewRow(i + 1, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i), $"b{i}.csv", new GateOutcome(s, 1, null, "d"))).ToList();

    [Theory]
    [InlineData("Would have failed 3 of the last 10 batches (passed 6, 1 had no value).", GateStatus.Failed,
        GateStatus.Failed, GateStatus.Failed, GateStatus.Failed, GateStatus.Passed, GateStatus.Passed, GateStatus.Passed, GateStatus.Passed, GateStatus.Passed, GateStatus.Passed, GateStatus.Skipped)]
    [InlineData("Would have failed 1 of the last 3 batches (warned on 1, passed 1).", GateStatus.Failed, GateStatus.Failed, GateStatus.Warning, GateStatus.Passed)]
    [InlineData("Would have warned on 2 of the last 2 batches.", GateStatus.Warning, GateStatus.Warning, GateStatus.Warning)]
    [InlineData("Would have passed all of the last 4 batches.", GateStatus.Passed, GateStatus.Passed, GateStatus.Passed, GateStatus.Passed, GateStatus.Passed)]
    [InlineData("Would have passed 1 of the last 3 batches (1 could not be computed, 1 had no value).", GateStatus.Error, GateStatus.Passed, GateStatus.Error, GateStatus.Skipped)]
    [InlineData("Could not judge any of the last 2 batches (2 had no value).", null, GateStatus.Skipped, GateStatus.Skipped)]
    [InlineData("Would have failed 1 of the last 1 batch.", GateStatus.Failed, GateStatus.Failed)]
    public void For_BatchRule_CountsEachOutcomeInOneLine(string expected, GateStatus? worst, params GateStatus[] statuses)
    {
        var summary = GatePreviewSummary.For(GateScope.Batch, Rows(statuses));

        Assert.Equal(expected, summary.Text);
        Assert.Equal(worst, summary.Worst);
        Assert.Equal(statuses.Length, summary.Failed + summary.Warnings + summary.Passed + summary.Errors + summary.Skipped);
    }

    [Fact]
    public void For_NoBatches_SaysThereIsNothingToPreview()
    {
        var summary = GatePreviewSummary.For(GateScope.Batch, []);

        Assert.Equal(GatePreviewSummary.NoBatchesText, summary.Text);
        Assert.Null(summary.Worst);
    }

    [Fact]
    public void For_ReleaseRule_SaysReleaseGatesHaveNoBatchPreview() =>
        Assert.Equal(GatePreviewSummary.ReleaseText, GatePreviewSummary.For(GateScope.Release, Rows(GateStatus.Passed)).Text);
}
