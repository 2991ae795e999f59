using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Scoring;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Fairness;
using DataProductDashboard.Services.Segments;
using DataProductDashboard.Analysis.Segments;
using DataProductDashboard.Services.FollowUps;
using DataProductDashboard.Services.Jobs;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using DataProductDashboard.Configuration;

namespace DataProductDashboard.Services.Batches;

/// <summary>The import pipeline: a CSV batch is read and validated (Ingestion), scored by the champion (Scoring),
/// profiled (Analysis) and stored with its predictions, metric points and the record of the work that must follow
/// (<see cref="FollowUpKind.BatchStored"/>) in one transaction (Data); the follow-up (gates, alerts, KPI contributions)
/// runs right after the commit, and again after a crash if it did not finish. While an A/B test runs, each row is
/// scored by the model of the arm its row key hashes to, and each arm is audited on its own as well.</summary>
public sealed class BatchImporter(
    IDbContextFactory<DashboardDbContext> dbFactory,
    ContentStore store,
    ModelCache models,
    ReferenceProfileStore profiles,
    ProductEvents events,
    PerformanceService performance,
    FollowUpRunner followUps,
    BatchQueries queries,
    IOptions<DashboardOptions> options,
    TimeProvider clock,
    Operations.DashboardMetrics metrics,
    ILogger<BatchImporter> logger)
{
    public const string ScoringRunKind = "scoring";
    public const string AuditRunKind = "audit";
    /// <summary>The reference and current distribution of each tested column, stored beside the audit run.</summary>
    public const string DistributionsRunKind = "distributions";
    /// <summary>How much of the batch lies inside the champion's training population.</summary>
    public const string CoverageRunKind = "coverage";
    /// <summary>The batch's PCA reconstruction error against its reference band, and its novel rows.</summary>
    public const string MultivariateRunKind = "multivariate";
    /// <summary>The batch's performance estimated before its labels.</summary>
    public const string EstimateRunKind = "estimated-performance";
    private const int VolumeHistory = 12;

    /// <summary>Reads and validates a batch file (streamed to disk, read block by block, one chunk of rows at a time);
    /// throws before anything is stored. With <paramref name="validated"/> (a queued job, whose file was checked when it
    /// arrived, or a one-go import) the file is not read now and that row count only sizes the arrays; scoring reads
    /// it, and a problem found then still stores nothing.</summary>
    public async Task<PreparedBatch> PrepareAsync(int productId, UploadedFile file, BatchSource source, DateTime? receivedAt, CancellationToken ct,
        int? validated = null)
    {
        var fileName = file.FileName;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct)
            ?? throw new NotFoundException("Data product", productId);
        Products.ProductWrites.EnsureActive(product);
        var champion = product.ChampionVersionId is { } championId
            ? await db.ModelVersions.AsNoTracking().FirstAsync(v => v.Id == championId, ct)
            : throw new ConflictException($"'{product.Name}' has no model version yet; register or train one before sending batches.");
        var earlier = await db.Batches.Where(b => b.ProductId == productId && b.Status == BatchStatus.Analyzed)
            .OrderByDescending(b => b.ReceivedAt).Take(VolumeHistory).Select(b => new { b.RowCount, b.ReceivedAt }).ToListAsync(ct);
        var experiment = await RunningExperimentAsync(db, productId, champion.Id, ct);
        var shadowRows = options.Value.ShadowRowsPerBatch;
        var challengers = shadowRows == 0 ? [] : await db.ModelVersions.AsNoTracking()
            .Where(v => v.ProductId == productId && v.Status == ModelStatus.Challenger && v.Id != champion.Id).OrderBy(v => v.Number)
            .Select(v => new ShadowChallenger(v.Id, v.Number, v.FileHash)).ToListAsync(ct);
        var stopwatch = Stopwatch.StartNew();
        ParsedCsv? whole = null;
        var rows = validated ?? 0;
        if (validated is null)
        {
            // A file of one chunk is kept parsed; the chunks of a longer one are only checked and dropped.
            var chunks = 0;
            rows = await Task.Run(() => CsvBatchReader.ReadFileChunks(file.Path, fileName, product.Schema, CsvReadMode.Batch, options.Value.ImportChunkRows,
                chunk => whole = ++chunks == 1 ? chunk : null, ProductTimeZone.Of(product.TimeZone), ct), ct);
        }
        var window = await profiles.GetAsync(champion.FileHash, ct) is { } training
            ? await ReferenceWindows.ResolveAsync(db, productId, product.TimeZone, product.DriftSettings, training, beforeNumber: null, excludeBatchId: null, ct)
            : null;
        return new PreparedBatch(productId, product.Task, product.Schema, champion.Id, champion.Number, champion.FileHash, whole, rows, file,
            Path.GetFileName(fileName), source, receivedAt, stopwatch.Elapsed, earlier.Select(b => b.RowCount).ToList(),
            earlier.Select(b => b.ReceivedAt).ToList(), product.DriftSettings, experiment)
        { DriftWindow = window, SchemaVersion = product.SchemaVersion, Zone = ProductTimeZone.Of(product.TimeZone), Challengers = challengers, ShadowRows = shadowRows };
    }

    /// <summary>The product's running A/B test, if it still applies: its champion must still be the product's champion
    /// and its challenger must not have been retired (otherwise the batch is scored by the champion alone).</summary>
    private async Task<RunningExperiment?> RunningExperimentAsync(DashboardDbContext db, int productId, int championId, CancellationToken ct)
    {
        var running = await db.Experiments.AsNoTracking().Where(e => e.ProductId == productId && e.Status == ExperimentStatus.Running)
            .Select(e => new { e.Id, e.ChallengerShare, e.ChampionVersionId, e.ChallengerVersionId }).FirstOrDefaultAsync(ct);
        if (running is null)
            return null;
        var challenger = await db.ModelVersions.AsNoTracking().FirstAsync(v => v.Id == running.ChallengerVersionId, ct);
        if (running.ChampionVersionId != championId || challenger.Status == ModelStatus.Retired)
        {
            logger.LogWarning("Experiment {ExperimentId} of product {ProductId} no longer fits (the champion changed or the challenger was retired); the batch is scored by the champion alone",
                running.Id, productId);
            return null;
        }
        return new RunningExperiment(running.Id, running.ChallengerShare, challenger.Id, challenger.Number, challenger.FileHash);
    }

    /// <summary>Reads, scores and stores a batch held in memory in one go (the demo, tools and tests).</summary>
    public async Task<BatchSummary> ImportAsync(int productId, ReadOnlyMemory<byte> content, string fileName, BatchSource source,
        DateTime? receivedAt = null, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        progress?.Report(new ImportProgress(ImportStage.Parsing, 0, 0));
        using var file = await store.ReceiveAsync(new ReadOnlyMemoryStream(content), Path.GetFileName(fileName), long.MaxValue,
            () => new InvalidOperationException("unreachable"), ct);
        // No separate checking pass: the file is checked as it is scored, and a problem found then stores nothing.
        var rows = Math.Max(0, content.Span.Count((byte)'\n') - 1);
        var prepared = await PrepareAsync(productId, file, source, receivedAt, ct, validated: rows);
        return await ImportAsync(prepared, jobId: null, progress, ct);
    }

    /// <summary>Scores a prepared batch with the champion and stores batch, predictions, metrics and its follow-up in one
    /// transaction; when <paramref name="jobId"/> is given, the job is marked succeeded in that same transaction, so a
    /// restart never imports its file twice. Then runs the follow-up.</summary>
    public async Task<BatchSummary> ImportAsync(PreparedBatch prepared, Guid? jobId, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        using var activity = Operations.DashboardMetrics.Activities.StartActivity("batch.import");
        activity?.SetTag("dpd.product_id", prepared.ProductId);
        var started = clock.GetTimestamp();
        try
        {
            var summary = await ImportScoredAsync(prepared, jobId, progress, ct);
            metrics.ImportSucceeded(prepared.Source, summary.RowCount, clock.GetElapsedTime(started));
            activity?.SetTag("dpd.batch_id", summary.Id).SetTag("dpd.rows", summary.RowCount);
            return summary;
        }
        catch (Exception ex)
        {
            metrics.ImportFailed(prepared.Source, ex);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    private async Task<BatchSummary> ImportScoredAsync(PreparedBatch prepared, Guid? jobId, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var receivedAt = prepared.ReceivedAt ?? clock.GetUtcNow().UtcDateTime;
        prepared = prepared with { ReceivedAt = receivedAt, UploadedAt = receivedAt };
        using var spool = new PredictionSpool(store.TempDirectory);
        // Other instances read the batch's file from the shared copy (files in the database): it goes there while the
        // batch is scored, and the commit waits for it.
        var sharing = store.ShareAsync(ContentStore.Batches, prepared.File, ".csv", ct);
        var scoring = ScoreAsync(prepared, spool, progress, ct);
        try
        {
            await scoring;
        }
        catch
        {
            await store.UnshareAsync(ContentStore.Batches, prepared.File, ".csv", sharing);
            throw;
        }
        var (scored, audit, parseTime, placed) = await scoring;
        prepared = prepared with { RowCount = scored.Rows, ParseTime = prepared.ParseTime + parseTime, ReceivedAt = placed.At, Backfill = placed.Backfill };
        var rows = scored.Rows;
        // The audit's conclusion, the prediction profile and the arms' audits are worked out while the predictions are
        // stored (on the other cores: storing is one SQLite writer); the store waits for them before the metric runs.
        var analysis = Task.Run(async () =>
        {
            var profile = PredictionProfile.For(prepared.Task, scored.Scores.Predicted, scored.Scores.Probability, ClassNames.Multiclass(prepared.Schema).Count);
            var armAudits = scored.ArmScores is { } armScores ? await ArmAuditsOfAsync(prepared, armScores.Champion, armScores.Challenger, ct) : null;
            var reference = await profiles.GetAsync(prepared.ChampionFileHash, ct);
            var segments = scored.Segments?.Measure.Points(reference, prepared.DriftSettings);
            var estimate = prepared.Task == TaskType.BinaryClassification && scored.Scores.Probability is { } probability
                ? Analysis.Estimation.PerformanceEstimate.Binary(reference?.Holdout, probability, scored.Scores.Predicted)
                : scored.EstimatedMae is { } mae ? Analysis.Estimation.PerformanceEstimate.Regression(reference?.Holdout, mae, scored.Rows, scored.EstimatedMse)
                : null;
            var audited = await audit;
            return new BatchAnalysis(profile, audited?.Result, armAudits, segments) { Estimate = estimate, ReferenceSample = audited?.Sample };
        }, ct);

        var file = await store.AdoptAsync(ContentStore.Batches, prepared.File, ".csv", ct, sharing);
        var stopwatch = Stopwatch.StartNew();
        Batch batch;
        int followUpId;
        try
        {
            (batch, followUpId) = await Task.Run(() => PersistAsync(prepared, scored, analysis, spool, file.Hash, jobId, progress, stopwatch, ct), ct);
            if (scored.ArmScores is { } arms)
                logger.LogInformation("Batch {BatchId} of product {ProductId}: experiment {ExperimentId} scored {ChampionRows} rows by champion v{Version} and {ChallengerRows} by challenger v{Challenger} (parse {Parse:F2} s, score {Score:F2} s, store {Store:F2} s)",
                    batch.Id, prepared.ProductId, prepared.Experiment!.Id, arms.Champion.Predicted.Length, prepared.ChampionNumber, arms.Challenger.Predicted.Length,
                    prepared.Experiment.ChallengerNumber, batch.ParseSeconds, batch.ScoringSeconds, batch.StoreSeconds);
            else
                logger.LogInformation("Batch {BatchId} of product {ProductId}: {Rows} rows scored by model version {Version} (parse {Parse:F2} s, score {Score:F2} s, store {Store:F2} s)",
                    batch.Id, prepared.ProductId, rows, prepared.ChampionNumber, batch.ParseSeconds, batch.ScoringSeconds, batch.StoreSeconds);
        }
        catch
        {
            // A job's input is the batch file itself: it stays for the next attempt.
            if (jobId is null)
                await store.DiscardAsync(file);
            // Not awaited when the store failed first: observed here, its own failure (if any) lost to the first.
            await ((Task)analysis).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
        // Committed: from here on the batch and its file stay, whatever happens to the request. The follow-up is
        // recorded; if it fails or the app stops now, the follow-up worker does it.
        await followUps.RunAsync(followUpId, prepared.Whole?.Table);
        progress?.Report(new ImportProgress(ImportStage.Done, rows, rows));
        events.Publish(prepared.ProductId);
        return await queries.GetSummaryAsync(batch.Id, CancellationToken.None);
    }

    /// <summary>Runs the audit of a stored batch again (e.g. after the drift settings changed) from its stored file and
    /// predictions, replacing the previous audit run and its points in one transaction.</summary>
    public async Task<AuditResult> ReauditAsync(int batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.Batches.Include(b => b.ModelVersion).FirstOrDefaultAsync(b => b.Id == batchId, ct) ?? throw new NotFoundException("Batch", batchId);
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == batch.ProductId, ct);
        Products.ProductWrites.EnsureActive(product);
        Products.RowsGone.ThrowIfPurged(batch);
        var reference = await profiles.GetAsync(batch.ModelVersion!.FileHash, ct)
            ?? throw new ConflictException($"Model version {batch.ModelVersion.Number} has no reference data, so batch {batchId} cannot be audited.");
        var path = await store.LocalCopyAsync(ContentStore.Batches, batch.FileHash, ".csv", ct)
            ?? throw new GoneException($"Batch {batchId}'s stored file is gone; it cannot be audited again.");
        var predictions = await db.Predictions.AsNoTracking().Where(p => p.BatchId == batchId).OrderBy(p => p.RowIndex)
            .Select(p => p.Score ?? p.Predicted).ToArrayAsync(ct);
        var earlier = await db.Batches.Where(b => b.ProductId == batch.ProductId && b.Status == BatchStatus.Analyzed && b.ReceivedAt < batch.ReceivedAt)
            .OrderByDescending(b => b.ReceivedAt).Take(VolumeHistory).Select(b => new { b.RowCount, b.ReceivedAt }).ToListAsync(ct);
        var window = await ReferenceWindows.ResolveAsync(db, product.Id, product.TimeZone, product.DriftSettings, reference, batch.Number, batch.Id, ct);
        var builder = new BatchAuditBuilder(product.Schema, reference, product.DriftSettings, predictions.Length, options.Value.DriftSampleRows, SeedOf(batch.FileHash), window);
        var rows = await Task.Run(() => CsvBatchReader.ReadFileChunks(path, batch.FileName, product.Schema, CsvReadMode.Batch, options.Value.ImportChunkRows, chunk =>
        {
            if (chunk.FirstRow + chunk.RowCount > predictions.Length)
                throw new ConflictException($"Batch {batchId}'s stored file has more rows than its {predictions.Length:N0} stored predictions; it cannot be audited again.");
            builder.Add(chunk.Table, chunk.HasKeyColumn ? chunk.RowKeys : null, predictions.AsMemory(chunk.FirstRow, chunk.RowCount));
        }, ProductTimeZone.Of(product.TimeZone), ct), ct);
        if (rows != predictions.Length)
            throw new ConflictException($"Batch {batchId}'s stored file has {rows:N0} rows but {predictions.Length:N0} predictions are stored; it cannot be audited again.");
        var audit = await Task.Run(() => builder.Finish(batch.ReceivedAt, earlier.Select(b => b.RowCount).ToList(),
            batch.Backfill ? [] : earlier.Select(b => b.ReceivedAt).ToList()), ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.MetricRuns.Where(r => r.BatchId == batchId && (r.Kind == AuditRunKind || r.Kind == DistributionsRunKind)).ExecuteDeleteAsync(ct);
        await AddAuditRuns(new MetricRunSet(batch), audit).SaveAsync(db, ct);
        // The same file gives the same sample; a batch stored before samples were kept gets one now.
        await db.ReferenceSamples.Where(s => s.BatchId == batchId).ExecuteDeleteAsync(ct);
        db.ReferenceSamples.Add(new BatchReferenceSample { BatchId = batchId, Payload = ReferenceSampleCodec.Encode(builder.ReferenceSampleOf(ReferenceSample.DefaultRows, SampleSeedOf(batch.FileHash))) });
        var followUp = FollowUpRecorder.Record(db, batch.ProductId, FollowUpKind.BatchReaudited, [batchId], clock.GetUtcNow().UtcDateTime);
        batch.FollowUpPending = true;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Re-audited batch {BatchId}: {Drifted} of {Columns} features drifted", batchId, audit.Drift.Drifted, audit.Drift.Columns);
        await followUps.RunAsync(followUp.Id);
        events.Publish(batch.ProductId);
        return audit;
    }

    private static MetricRunSet AddAuditRuns(MetricRunSet runs, AuditResult audit) =>
        audit.Distributions is { Count: > 0 } distributions
            ? runs.Add(AuditRunKind, audit, AuditPoints.Flatten(audit).Select(p => (p.Key, p.Column, p.Value))).Add(DistributionsRunKind, distributions, [])
            : runs.Add(AuditRunKind, audit, AuditPoints.Flatten(audit).Select(p => (p.Key, p.Column, p.Value)));

    /// <summary>Scores the batch chunk by chunk (the chunk already parsed, or the file read again, one chunk ahead of
    /// the scoring), spooling keys and labels and auditing against the champion's reference profile (no audit when the
    /// version has none). Returns the time spent reading the file (apart from waiting for the scorer) and the audit's
    /// conclusion as a task that runs on while the predictions are stored.</summary>
    private async Task<(ScoredBatch Scored, Task<(AuditResult Result, ReferenceSample Sample)?> Audit, TimeSpan ParseTime, (DateTime At, bool Backfill) Placed)> ScoreAsync(
        PreparedBatch prepared, PredictionSpool spool, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var champion = await models.GetAsync(prepared.ChampionFileHash);
        var challenger = prepared.Experiment is { } experiment ? await models.GetAsync(experiment.ChallengerFileHash) : null;
        var reference = await profiles.GetAsync(prepared.ChampionFileHash, ct);
        var audit = reference is not null
            ? new BatchAuditBuilder(prepared.Schema, reference, prepared.DriftSettings, prepared.RowCount, options.Value.DriftSampleRows, SeedOf(prepared.File.Hash),
                prepared.DriftWindow)
            : null;
        var shadows = new List<(ShadowChallenger, IScoringModel)>();
        foreach (var shadow in prepared.Challengers)
            shadows.Add((shadow, await models.GetAsync(shadow.FileHash)));
        var coverage = reference is not null
            ? new Analysis.Coverage.CoverageAccumulator(new Analysis.Coverage.CoverageRules(prepared.Schema, reference))
            : null;
        var multivariate = reference?.Multivariate is { } multivariateReference
            ? new Analysis.Multivariate.MultivariateAccumulator(multivariateReference)
            : null;
        var estimatesError = prepared.Task == TaskType.Regression && prepared.Experiment is null;
        var scorer = new ChunkScorer(prepared, champion, challenger, audit, spool, shadows, coverage, multivariate,
            estimatesError ? await models.ErrorModelAsync(prepared.ChampionFileHash) : null,
            estimatesError ? await models.SquaredErrorModelAsync(prepared.ChampionFileHash) : null);
        progress?.Report(new ImportProgress(ImportStage.Scoring, 0, prepared.RowCount));
        var parseTime = TimeSpan.Zero;
        if (prepared.Whole is { } whole)
            await Task.Run(() => scorer.Add(whole, ct), ct);
        else
        {
            parseTime = await ChunkReadAhead.RunAsync(prepared.File.Path, prepared.FileName, prepared.Schema, prepared.Zone, options.Value.ImportChunkRows, chunk =>
            {
                scorer.Add(chunk, ct);
                progress?.Report(new ImportProgress(ImportStage.Scoring, scorer.Rows, Math.Max(prepared.RowCount, scorer.Rows)));
            }, ct);
        }
        var scored = scorer.Complete();
        // A backfill sits at its newest event time and is never judged late (no lateness without earlier arrivals).
        var placed = BackfillRule.Place(prepared.ReceivedAt!.Value, scored.EventTimeTo, prepared.Backfill, TimeSpan.FromDays(options.Value.BackfillAfterDays));
        if (placed.Backfill)
            logger.LogInformation("Batch '{FileName}' of product {ProductId} is a backfill ({How}): placed at its newest event time {At:o}",
                prepared.FileName, prepared.ProductId, prepared.Backfill is true ? "flagged" : "detected", placed.At);
        var result = audit is null
            ? Task.FromResult<(AuditResult, ReferenceSample)?>(null)
            : Task.Run<(AuditResult, ReferenceSample)?>(() => (audit.Finish(placed.At, prepared.EarlierBatchRows, placed.Backfill ? [] : prepared.EarlierReceivedAt),
                audit.ReferenceSampleOf(ReferenceSample.DefaultRows, SampleSeedOf(prepared.File.Hash))), ct);
        return (scored, result, parseTime, placed);
    }

    /// <summary>The sample of a long batch's drift tests is seeded by its content: the same file, the same sample.</summary>
    private static int SeedOf(string hash) => int.Parse(hash.AsSpan(0, 8), System.Globalization.NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>Seeds the rows a batch keeps for reference windows (<see cref="BatchAuditBuilder.ReferenceSampleOf"/>).</summary>
    private static int SampleSeedOf(string hash) => int.Parse(hash.AsSpan(8, 8), System.Globalization.NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>Each non-empty arm audited on its own, against its own model's reference, with its model version id.</summary>
    private async Task<List<(ArmAudit Audit, int VersionId)>> ArmAuditsOfAsync(PreparedBatch prepared, ScoreResult championScores, ScoreResult challengerScores,
        CancellationToken ct)
    {
        var experiment = prepared.Experiment!;
        var audits = new List<(ArmAudit, int)>(2);
        foreach (var (arm, result, versionId, hash) in new[]
        {
            (ExperimentArm.Champion, championScores, prepared.ChampionVersionId, prepared.ChampionFileHash),
            (ExperimentArm.Challenger, challengerScores, experiment.ChallengerVersionId, experiment.ChallengerFileHash),
        })
        {
            if (result.Predicted.Length == 0)
                continue;
            var latency = result.LatencyMicros;
            audits.Add((ArmAudit.Of(arm, prepared.Task, result.Predicted, result.Probability, result.Duration.TotalSeconds,
                (latency.P50, latency.P95, latency.P99), await profiles.GetAsync(hash, ct), prepared.DriftSettings), versionId));
        }
        return audits;
    }

    private async Task<(Batch Batch, int FollowUpId)> PersistAsync(PreparedBatch prepared, ScoredBatch scored, Task<BatchAnalysis> analysis,
        PredictionSpool spool, string fileHash, Guid? jobId, IProgress<ImportProgress>? progress, Stopwatch stopwatch, CancellationToken ct)
    {
        var rows = scored.Rows;
        var scores = scored.Scores;
        var batch = new Batch
        {
            ProductId = prepared.ProductId,
            ModelVersionId = prepared.ChampionVersionId,
            Source = prepared.Source,
            FileName = prepared.FileName,
            FileHash = fileHash,
            FileSizeBytes = prepared.File.Length,
            ReceivedAt = prepared.ReceivedAt!.Value,
            UploadedAt = prepared.UploadedAt ?? prepared.ReceivedAt!.Value,
            RowCount = rows,
            Status = BatchStatus.Analyzed,
            ParseSeconds = prepared.ParseTime.TotalSeconds,
            ScoringSeconds = scores.Duration.TotalSeconds,
            LatencyP50Micros = scores.LatencyMicros.P50,
            LatencyP95Micros = scores.LatencyMicros.P95,
            LatencyP99Micros = scores.LatencyMicros.P99,
            EventTimeFrom = scored.EventTimeFrom,
            EventTimeTo = scored.EventTimeTo,
            Backfill = prepared.Backfill == true,
            SchemaVersion = prepared.SchemaVersion,
            LabelledRows = scored.LabelledRows,
            ExperimentId = prepared.Experiment?.Id,
            JobId = jobId,
            FollowUpPending = true,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The product's next batch number, read inside the write transaction (SQLite's BEGIN IMMEDIATE holds the write
        // lock, so no other import reads the same maximum); the unique (product, number) index guards it besides.
        batch.Number = (await db.Batches.Where(b => b.ProductId == prepared.ProductId).MaxAsync(b => (int?)b.Number, ct) ?? 0) + 1;
        db.Batches.Add(batch);
        await db.SaveChangesAsync(ct);

        var storeProgress = progress is null ? null : new SyncProgress<int>(done => progress.Report(new ImportProgress(ImportStage.Storing, done, rows)));
        // Without a row-key column the app numbers the rows "batch:row" (batch 81's fifth row is "81:5"), unique in the
        // product, so labels can come later keyed by those numbers.
        Func<int, string> keyOf = prepared.Schema.RowKey is null ? GeneratedKeys.For(batch.Id, spool.Key) : spool.Key;
        PredictionWriter.Write(db.Database.GetDbConnection(), tx.GetDbTransaction(), new(batch.Id, batch.ProductId), rows, keyOf,
            scores.Predicted, scores.Probability, spool.Label, scored.Arms, storeProgress, ct, scored.Segments is { } rowSegments ? rowSegments.TupleOf : null);

        if (prepared.Experiment is { } experiment && scored.ArmStatistics is var (championStatistics, challengerStatistics))
        {
            await ArmStatisticsStore.ReplaceAsync(db, batch.Id, experiment.Id, ExperimentArm.Champion, prepared.ChampionVersionId, championStatistics, ct);
            await ArmStatisticsStore.ReplaceAsync(db, batch.Id, experiment.Id, ExperimentArm.Challenger, experiment.ChallengerVersionId, challengerStatistics, ct);
        }
        var analysed = await analysis;
        var (profile, audit, armAudits, segmentPoints) = analysed;
        if (analysed.ReferenceSample is { } sample)
            db.ReferenceSamples.Add(new BatchReferenceSample { BatchId = batch.Id, Payload = ReferenceSampleCodec.Encode(sample) });
        batch.PredictionMean = profile.Values?.Mean;
        // The batch's own runs in one save; the arms' and challengers' runs carry other versions.
        var runs = new MetricRunSet(batch).Add(ScoringRunKind, profile,
            ScoringPoints(batch.RowCount, batch.ScoringSeconds, scores.LatencyMicros, profile, ClassNames.Multiclass(prepared.Schema)));
        if (audit is not null)
            AddAuditRuns(runs, audit);
        if (scored.Segments is { } segments && segmentPoints is not null)
            SegmentHistory.Add(runs, new SegmentHistory.SegmentRun(segments.Coder.Attributes, [.. segments.Coder.Pooled],
                [.. SegmentAttributes.Ignored(prepared.Schema).Select(i => $"{i.Column}: {i.Reason}")]), segmentPoints);
        if (scored.Coverage is { } covered)
            runs.AddSegmented(CoverageRunKind, covered, covered.Points());
        if (analysed.Estimate is { } estimate)
            runs.AddSegmented(EstimateRunKind, estimate, estimate.Points());
        if (scored.Multivariate is { } multivariate && multivariate.Rows > 0)
            runs.AddSegmented(MultivariateRunKind, multivariate, multivariate.Points());
        await runs.SaveAsync(db, ct);
        foreach (var (armAudit, versionId) in armAudits ?? [])
            await ArmHistory.AddRunAsync(db, batch, ArmHistory.ScoringRunKind, armAudit.Arm, versionId, armAudit, armAudit.Points(), ct);
        foreach (var shadow in scored.Shadows)
            await StoreShadowAsync(db, tx.GetDbTransaction(), batch, prepared.Task, ClassNames.Multiclass(prepared.Schema), shadow, ct);
        await db.SaveChangesAsync(ct);
        // Labels in the batch file: the performance recompute measures segments and fairness on them as well.
        if (batch.LabelledRows > 0)
            await performance.RecomputeAsync(db, prepared.ProductId, [batch.Id], ct);
        else
            await FairnessHistory.ReplaceAsync(db, prepared.ProductId, prepared.Task, prepared.Schema, [batch.Id], ct);
        var followUp = FollowUpRecorder.Record(db, prepared.ProductId, FollowUpKind.BatchStored, [batch.Id], batch.ReceivedAt, batch.ExperimentId);
        if (jobId is { } id)
            await JobCompletion.MarkSucceededAsync(db, id, batch.Id, modelVersion: null, rows, clock.GetUtcNow().UtcDateTime, ct);
        batch.StoreSeconds = stopwatch.Elapsed.TotalSeconds;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (batch, followUp.Id);
    }

    /// <summary>A challenger's shadow predictions of the batch and its scoring run: rows, time, latency and prediction
    /// profile, as shadow points of its version.</summary>
    private async Task StoreShadowAsync(DashboardDbContext db, System.Data.Common.DbTransaction tx, Batch batch, TaskType task, IReadOnlyList<string> classes,
        ShadowScores shadow, CancellationToken ct)
    {
        var scores = shadow.Scores;
        ShadowPredictionWriter.Write(db.Database.GetDbConnection(), tx, batch.Id, shadow.Version.VersionId, scores.Predicted, scores.Probability, ct);
        var profile = PredictionProfile.For(task, scores.Predicted, scores.Probability, classes.Count);
        var result = new ShadowScoring(scores.Predicted.Length, scores.Duration.TotalSeconds, scores.LatencyMicros, profile);
        await ShadowHistory.AddRunAsync(db, batch, ShadowHistory.ScoringRunKind, shadow.Version.VersionId, result,
            ScoringPoints(result.Rows, result.Seconds, scores.LatencyMicros, profile).Where(p => p.Column is null).Select(p => (p.Key, p.Value)), ct);
        logger.LogInformation("Batch {BatchId} of product {ProductId}: challenger v{Version} shadow-scored {Rows} rows in {Seconds:F3} s",
            batch.Id, batch.ProductId, shadow.Version.Number, result.Rows, result.Seconds);
    }

    /// <summary>What the store of a batch needs besides its predictions, worked out beside it.</summary>
    private sealed record BatchAnalysis(PredictionProfile Profile, AuditResult? Audit, IReadOnlyList<(ArmAudit Audit, int VersionId)>? ArmAudits,
        IReadOnlyList<(string Segment, string Key, double Value)>? Segments)
    {
        /// <summary>Performance estimated before labels (binary, with a labelled reference).</summary>
        public Analysis.Estimation.PerformanceEstimate? Estimate { get; init; }

        /// <summary>What the batch lends to later reference windows (null without a reference profile).</summary>
        public Analysis.Drift.ReferenceSample? ReferenceSample { get; init; }
    }

    /// <summary>The scoring figures of a batch as metric points; a multiclass product's class shares carry the class
    /// name as their column.</summary>
    private static IEnumerable<(string Key, string? Column, double Value)> ScoringPoints(int rows, double seconds, LatencyPercentiles latency,
        PredictionProfile profile, IReadOnlyList<string>? classes = null)
    {
        yield return (MetricKeys.Rows, null, rows);
        yield return (MetricKeys.ScoringSeconds, null, seconds);
        yield return (MetricKeys.LatencyP50, null, latency.P50);
        yield return (MetricKeys.LatencyP95, null, latency.P95);
        yield return (MetricKeys.LatencyP99, null, latency.P99);
        if (profile.Values is { } values)
        {
            yield return (MetricKeys.PredictionMean, null, values.Mean);
            yield return (MetricKeys.PredictionStd, null, values.Std);
        }
        if (profile.PositiveShare is { } share)
            yield return (MetricKeys.PositiveShare, null, share);
        if (profile.ClassShares is { } shares && classes is not null)
        {
            for (var k = 0; k < Math.Min(shares.Count, classes.Count); k++)
                yield return (MetricKeys.ClassShare, classes[k], shares[k]);
        }
    }
}
