using System.Globalization;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Releases;
using DataProductDashboard.Services.Trail;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Experiments;

/// <summary>A/B tests of model versions: starting one (at most one running per product), its live statistics from the
/// stored predictions of the batches it split, and the decision that ends it — keep running (recorded in the trail),
/// keep the champion, or ship the challenger through the release gates (a refused promotion records nothing here and its
/// 409 naming the failing gates reaches the caller). Starts and decisions go to the audit trail.</summary>
public sealed class ExperimentService(
    IDbContextFactory<DashboardDbContext> dbFactory,
    ExperimentStatisticsCache statisticsCache,
    ReleaseService releases,
    AlertService alerts,
    AuditTrail trail,
    ProductEvents events,
    TimeProvider clock,
    ILogger<ExperimentService> logger)
{
    public const int MaxReasonLength = 2000;
    public const int MaxNameLength = 200;
    public const double MinShare = 0.05;
    public const double MaxShare = 0.95;
    public const double MaxAlpha = 0.2;
    public const double MinPower = 0.5;
    public const double MaxPower = 0.99;

    /// <summary>The metrics an experiment of the product can use as primary or compares as secondary, with names, kinds
    /// and units.</summary>
    public async Task<IReadOnlyList<ExperimentMetric>> GetMetricsAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await FindProductAsync(db, productId, ct);
        return (await ExperimentSamples.MetricsAsync(db, product, ct)).Select(m => m.Metric).ToList();
    }

    public async Task<IReadOnlyList<ExperimentSummary>> ListAsync(int productId, CancellationToken ct) =>
        (await ListDetailsAsync(productId, ct)).Select(d => d.Summary).ToList();

    /// <summary>Every experiment of the product with its per-arm estimates, running first then newest: the page shows
    /// the list and the selected one from this single analysis.</summary>
    public async Task<IReadOnlyList<ExperimentDetail>> ListDetailsAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await FindProductAsync(db, productId, ct);
        var experiments = await db.Experiments.AsNoTracking().Where(e => e.ProductId == productId).ToListAsync(ct);
        var details = new List<ExperimentDetail>(experiments.Count);
        foreach (var experiment in experiments.OrderBy(e => e.Status == ExperimentStatus.Running ? 0 : 1).ThenByDescending(e => e.StartedAt).ThenByDescending(e => e.Id))
            details.Add(await AnalyzeAsync(db, product, experiment, ct));
        return details;
    }

    public async Task<ExperimentSummary> GetAsync(int experimentId, CancellationToken ct) => (await GetDetailAsync(experimentId, ct)).Summary;

    /// <summary>The summary and each arm's estimate (with its own interval) of every metric.</summary>
    public async Task<ExperimentDetail> GetDetailAsync(int experimentId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var experiment = await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == experimentId, ct) ?? throw new NotFoundException("Experiment", experimentId);
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == experiment.ProductId, ct);
        return await AnalyzeAsync(db, product, experiment, ct);
    }

    /// <summary>Starts an A/B test: from the next batch on, each row is scored by the arm its row key hashes to.</summary>
    public async Task<ExperimentSummary> StartAsync(int productId, StartExperimentRequest request, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await FindProductAsync(db, productId, ct);
        Products.ProductWrites.EnsureActive(product);
        if (product.Task == TaskType.MulticlassClassification)
            throw new InputValidationException("task", ExperimentStartRules.Multiclass(product.Name));
        var champion = product.ChampionVersionId is { } championId
            ? await db.ModelVersions.AsNoTracking().FirstAsync(v => v.Id == championId, ct)
            : throw new ConflictException(ExperimentStartRules.NoChampion(product.Name));
        var metrics = await ExperimentSamples.MetricsAsync(db, product, ct);

        var errors = new Dictionary<string, string[]>();
        ModelVersion? challenger = null;
        if (request.ChallengerVersion is not { } number)
            errors["challengerVersion"] = ["Choose the challenger: the version number of a model that is not the champion."];
        else if ((challenger = await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ProductId == productId && v.Number == number, ct)) is null)
            errors["challengerVersion"] = [$"'{product.Name}' has no version {number}."];
        else if (ExperimentStartRules.ChallengerProblem(challenger.Number, challenger.Status, champion.Number) is { } problem)
            errors["challengerVersion"] = [problem];
        var share = request.ChallengerShare ?? 0.5;
        if (!(share >= MinShare && share <= MaxShare))
            errors["challengerShare"] = [Invariant($"The challenger's share of rows must be between {MinShare} and {MaxShare}; it is {share}.")];
        var alpha = request.Alpha ?? 0.05;
        if (!(alpha > 0 && alpha <= MaxAlpha))
            errors["alpha"] = [Invariant($"α must be above 0 and at most {MaxAlpha} (0.05 is usual); it is {alpha}.")];
        var power = request.Power ?? 0.8;
        if (!(power >= MinPower && power <= MaxPower))
            errors["power"] = [Invariant($"The power must be between {MinPower} and {MaxPower} (0.8 is usual); it is {power}.")];
        var metric = metrics.Select(m => m.Metric).FirstOrDefault(m => m.Key == request.PrimaryMetric?.Trim());
        if (string.IsNullOrWhiteSpace(request.PrimaryMetric))
            errors["primaryMetric"] = [$"Choose the primary metric: one of {string.Join(", ", metrics.Select(m => m.Metric.Key))}."];
        else if (metric is null)
            errors["primaryMetric"] = [$"'{request.PrimaryMetric}' is not a metric an A/B test of this {Describe(product.Task)} product can compare; use one of {string.Join(", ", metrics.Select(m => m.Metric.Key))}."];
        if (request.MinimumDetectableEffect is not { } mde)
            errors["minimumDetectableEffect"] = ["The minimum detectable effect is required: the smallest difference worth detecting, in the metric's unit."];
        else if (!(mde > 0 && double.IsFinite(mde)))
            errors["minimumDetectableEffect"] = [Invariant($"The minimum detectable effect must be a positive number; it is {mde}.")];
        else if (metric is { Kind: ComparisonKind.Rate } && mde >= 1)
            errors["minimumDetectableEffect"] = [Invariant($"{metric.Name} is a share between 0 and 1, so the effect must be below 1 (e.g. 0.05 = 5 points); it is {mde}.")];
        var name = string.IsNullOrWhiteSpace(request.Name) ? $"v{challenger?.Number} vs v{champion.Number}" : request.Name.Trim();
        if (name.Length > MaxNameLength)
            errors["name"] = [$"The name is longer than {MaxNameLength} characters."];
        if (request.Hypothesis is { Length: > MaxReasonLength })
            errors["hypothesis"] = [$"The hypothesis is longer than {MaxReasonLength} characters."];
        if (errors.Count > 0)
            throw new InputValidationException($"The experiment is not valid: {string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}"))}", errors);

        if (await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.ProductId == productId && e.Status == ExperimentStatus.Running, ct) is { } running)
            throw new ConflictException(ExperimentStartRules.StillRunning(product.Name, running.Name, running.Id));

        var now = clock.GetUtcNow().UtcDateTime;
        var experiment = new Experiment
        {
            ProductId = productId, Name = name, Hypothesis = request.Hypothesis?.Trim() ?? "", ChampionVersionId = champion.Id, ChallengerVersionId = challenger!.Id,
            ChallengerShare = share, PrimaryMetric = metric!.Key, MinimumDetectableEffect = request.MinimumDetectableEffect!.Value, Alpha = alpha, Power = power,
            Status = ExperimentStatus.Running, StartedAt = now, StartedBy = actor.Name,
        };
        db.Experiments.Add(experiment);
        trail.Record(db, productId, actor, TrailAction.ExperimentStarted, $"experiment '{name}'", $"champion v{champion.Number} scores every row",
            Invariant($"v{challenger.Number} scores {share:P0} of rows; primary {metric.Name}, MDE {experiment.MinimumDetectableEffect}, α {alpha}, power {power}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (Data.DatabaseErrors.IsConstraintViolation(ex))
        {
            // The one-running-per-product index refused it: another start won the race.
            throw new ConflictException($"Another experiment was started on '{product.Name}' at the same moment; decide it before starting another.");
        }
        logger.LogInformation("Experiment {ExperimentId} of product {ProductId} started by {Actor}: v{Challenger} on {Share:P0} of rows against champion v{Champion}",
            experiment.Id, productId, actor.Name, challenger.Number, share, champion.Number);
        events.Publish(productId);
        return await SummarizeAsync(db, product, experiment, ct);
    }

    /// <summary>Records a decision with who and why. Keep running: a trail entry only. Keep the champion: the experiment
    /// stops. Ship the challenger: it is promoted through the release gates first (a refusal throws the gates' 409 and
    /// records nothing here), then the experiment stops.</summary>
    public async Task<ExperimentSummary> DecideAsync(int experimentId, ExperimentDecision? decision, string? reason, Actor actor, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (decision is null || !Enum.IsDefined(decision.Value))
            errors["decision"] = [$"Choose a decision: {string.Join(", ", Enum.GetNames<ExperimentDecision>())}."];
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
            errors["reason"] = ["Say why: the reason is recorded with the decision."];
        else if (why.Length > MaxReasonLength)
            errors["reason"] = [$"The reason has {why.Length} characters; at most {MaxReasonLength} are allowed."];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var experiment = await db.Experiments.FirstOrDefaultAsync(e => e.Id == experimentId, ct) ?? throw new NotFoundException("Experiment", experimentId);
        if (errors.Count > 0)
            throw new InputValidationException($"The decision is not valid: {string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}"))}", errors);
        if (experiment.Status == ExperimentStatus.Stopped)
            throw new ConflictException($"Experiment '{experiment.Name}' was already decided ({experiment.Decision} by {experiment.DecidedBy}).");
        var numbers = await db.ModelVersions.AsNoTracking().Where(v => v.Id == experiment.ChampionVersionId || v.Id == experiment.ChallengerVersionId)
            .ToDictionaryAsync(v => v.Id, v => v.Number, ct);
        var (championNumber, challengerNumber) = (numbers[experiment.ChampionVersionId], numbers[experiment.ChallengerVersionId]);
        var subject = $"experiment '{experiment.Name}'";

        if (decision == ExperimentDecision.ShipChallenger)
        {
            await releases.PromoteAsync(experiment.ProductId, challengerNumber, actor, ct);
            // The promotion stopped the experiment in its own save; the decision below completes that record.
            await db.Entry(experiment).ReloadAsync(ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (decision == ExperimentDecision.KeepRunning)
        {
            trail.Record(db, experiment.ProductId, actor, TrailAction.ExperimentDecided, subject, "running", $"keep running: {why}");
        }
        else
        {
            experiment.Status = ExperimentStatus.Stopped;
            experiment.StoppedAt = now;
            experiment.Decision = decision;
            experiment.DecidedBy = actor.Name;
            experiment.DecidedAt = now;
            experiment.DecisionReason = why;
            var outcome = decision == ExperimentDecision.ShipChallenger
                ? $"stopped: challenger v{challengerNumber} shipped (now champion)"
                : $"stopped: champion v{championNumber} kept";
            trail.Record(db, experiment.ProductId, actor, TrailAction.ExperimentDecided, subject, "running", $"{outcome}: {why}");
            await alerts.ClearAsync(db, experiment.ProductId, ExperimentMonitor.SampleRatioAlertKey(experiment.Id), "The experiment was stopped.", ct);
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Experiment {ExperimentId} of product {ProductId}: {Decision} by {Actor}", experimentId, experiment.ProductId, decision, actor.Name);
        events.Publish(experiment.ProductId);
        return await GetAsync(experimentId, ct);
    }

    private async Task<ExperimentSummary> SummarizeAsync(DashboardDbContext db, DataProduct product, Experiment experiment, CancellationToken ct) =>
        (await AnalyzeAsync(db, product, experiment, ct)).Summary;

    private async Task<ExperimentDetail> AnalyzeAsync(DashboardDbContext db, DataProduct product, Experiment experiment, CancellationToken ct)
    {
        var versions = await db.ModelVersions.AsNoTracking().Where(v => v.Id == experiment.ChampionVersionId || v.Id == experiment.ChallengerVersionId)
            .ToDictionaryAsync(v => v.Id, ct);
        var champion = versions[experiment.ChampionVersionId];
        var metrics = (await ExperimentSamples.MetricsAsync(db, product, ct)).ToList();
        // The primary metric stays compared even if its KPI was changed since the start.
        var primaryName = metrics.FirstOrDefault(m => m.Metric.Key == experiment.PrimaryMetric).Metric?.Name ?? experiment.PrimaryMetric;
        var statistics = await statisticsCache.GetAsync(db, experiment, ct);
        var (championRows, challengerRows) = (statistics.Champion.GetValueOrDefault(ArmStatistics.Rows).Count, statistics.Challenger.GetValueOrDefault(ArmStatistics.Rows).Count);
        var collected = await ExperimentSamples.CollectAsync(db, product, experiment, metrics, statistics, ct);
        var holdoutKey = experiment.PrimaryMetric.StartsWith(Analysis.Performance.PerformancePoints.Prefix, StringComparison.Ordinal)
            ? experiment.PrimaryMetric[Analysis.Performance.PerformancePoints.Prefix.Length..] : null;
        double? holdout = holdoutKey is not null && champion.HoldoutMetrics.TryGetValue(holdoutKey, out var h) ? h : null;
        var result = ExperimentEvaluator.Evaluate(collected, experiment.PrimaryMetric, experiment.Alpha, experiment.Power,
            experiment.MinimumDetectableEffect, experiment.ChallengerShare, holdout);
        var estimates = collected.SelectMany(c => new[]
        {
            ArmEstimate.Of(c.Metric.Key, ExperimentArm.Champion, c.Champion, experiment.Alpha),
            ArmEstimate.Of(c.Metric.Key, ExperimentArm.Challenger, c.Challenger, experiment.Alpha),
        }).OfType<ArmEstimate>().ToList();
        var summary = new ExperimentSummary(experiment.Id, experiment.ProductId, experiment.Name, champion.Number, versions[experiment.ChallengerVersionId].Number,
            experiment.ChallengerShare, experiment.PrimaryMetric, primaryName, experiment.MinimumDetectableEffect, experiment.Alpha, experiment.Status,
            experiment.StartedAt, experiment.StoppedAt, experiment.Decision, experiment.DecidedBy, experiment.DecidedAt, experiment.DecisionReason,
            championRows, challengerRows, result.Primary, result.Secondary, ExperimentMonitor.SampleRatio(championRows, challengerRows, experiment.ChallengerShare),
            result.Plan, result.Progress, ExperimentSummary.LinkFor(experiment.ProductId, experiment.Id));
        return new ExperimentDetail(summary, estimates);
    }

    private static async Task<DataProduct> FindProductAsync(DashboardDbContext db, int productId, CancellationToken ct) =>
        await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);

    private static string Describe(TaskType task) => task switch
    {
        TaskType.BinaryClassification => "binary classification",
        TaskType.MulticlassClassification => "multiclass classification",
        _ => "regression",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
