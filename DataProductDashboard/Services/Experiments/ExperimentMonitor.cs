using System.Globalization;
using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Experiments;

/// <summary>Watches a running A/B test's split after each batch it scored: a sample ratio mismatch (χ² p &lt; 0.001 on the
/// arm row counts against the configured share) raises a critical <see cref="AlertKind.Experiment"/> alert keyed
/// "experiment:{id}:srm"; the next batch that brings the split back in line resolves it.</summary>
public sealed class ExperimentMonitor(
    IDbContextFactory<DashboardDbContext> dbFactory,
    AlertService alerts,
    TimeProvider clock,
    ILogger<ExperimentMonitor> logger)
{
    public static string SampleRatioAlertKey(int experimentId) => $"experiment:{experimentId}:srm";

    /// <summary>The check on the rows so far; null before any row was split.</summary>
    public static SampleRatioCheck? SampleRatio(long championRows, long challengerRows, double challengerShare) =>
        championRows + challengerRows == 0 ? null : AbTests.SampleRatio(championRows, challengerRows, challengerShare);

    /// <summary>Checks the split of a running experiment and raises or resolves its mismatch alert. Logged, never thrown:
    /// it runs after the batch is stored.</summary>
    public async Task<SampleRatioCheck?> CheckAsync(int experimentId, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var experiment = await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == experimentId, ct);
            if (experiment is null)
                return null;
            var (champion, challenger) = await ArmStatisticsStore.RowsAsync(db, experimentId, ct);
            var check = SampleRatio(champion, challenger, experiment.ChallengerShare);
            var notify = new List<Alert>();
            var key = SampleRatioAlertKey(experimentId);
            if (experiment.Status == ExperimentStatus.Running && check is { Mismatch: true })
            {
                var (alert, send) = await alerts.RaiseAsync(db, Signal(experiment, check), repeat: false, ct);
                if (send)
                    notify.Add(alert);
                logger.LogWarning("Experiment {ExperimentId}: sample ratio mismatch ({Champion} vs {Challenger} rows, p = {P:G3})", experimentId, champion, challenger, check.PValue);
            }
            else if (check is { Mismatch: false })
            {
                await alerts.ClearAsync(db, experiment.ProductId, key,
                    string.Create(CultureInfo.InvariantCulture, $"The split is back in line: {champion} champion vs {challenger} challenger rows, p = {check.PValue:G3}."), ct);
            }
            await db.SaveChangesAsync(ct);
            alerts.AfterSave(experiment.ProductId, notify);
            return check;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Sample ratio check of experiment {ExperimentId} failed", experimentId);
            return null;
        }
    }

    private AlertSignal Signal(Experiment experiment, SampleRatioCheck check)
    {
        var total = check.ChampionCount + check.ChallengerCount;
        FormattableString text = $"The challenger got {check.ChallengerCount:N0} of {total:N0} rows ({(double)check.ChallengerCount / total:P1}) where {check.ExpectedChallengerShare:P0} were expected (χ² = {check.ChiSquare:0.##}, p = {check.PValue:G2} < {SampleRatioCheck.Threshold}). The split is not working as configured — check how row keys are assigned, filtered or logged — and do not trust the A/B statistics until it is fixed.";
        var message = text.ToString(CultureInfo.InvariantCulture);
        return new AlertSignal(experiment.ProductId, AlertKind.Experiment, SampleRatioAlertKey(experiment.Id), GateSeverity.Critical,
            $"Sample ratio mismatch in experiment '{experiment.Name}'", message, ExperimentSummary.LinkFor(experiment.ProductId, experiment.Id),
            clock.GetUtcNow().UtcDateTime);
    }
}
