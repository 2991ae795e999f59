using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Scoring;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Exports;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DataProductDashboard.Services.Batches;

/// <summary>Integration: a CSV batch is read and validated (Ingestion), scored by the champion (Scoring), profiled
/// (Analysis) and stored with its predictions and metric points in one transaction (Data). While an A/B test runs,
/// each row is scored by the model of the arm its row key hashes to, and each arm is audited on its own as well.</summary>
public sealed class BatchService(
    IDbContextFactory<DashboardDbContext> dbFactory,
    ContentStore store,
    ModelCache models,
    ReferenceProfileStore profiles,
    ProductEvents events,
    PerformanceService performance,
    BatchGateEvaluator gates,
    TimelinessMonitor timeliness,
    KpiRecomputer kpis,
    ExperimentMonitor experiments,
    TimeProvider clock,
    ILogger<BatchService> logger)
{
    public const string ScoringRunKind = "scoring";
    public const string AuditRunKind = "audit";
    private const int VolumeHistory = 12;
    private static readonly string[] PredictionColumns = ["row_index", "row_key", "predicted", "score", "label"];

    /// <summary>Reads and validates a batch file; throws before anything is stored.</summary>
    public async Task<PreparedBatch> PrepareAsync(int productId, ReadOnlyMemory<byte> content, string fileName, BatchSource source,
        DateTime? receivedAt, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct)
            ?? throw new NotFoundException("Data product", productId);
        var champion = product.ChampionVersionId is { } championId
            ? await db.ModelVersions.AsNoTracking().FirstAsync(v => v.Id == championId, ct)
            : throw new ConflictException($"'{product.Name}' has no model version yet; register or train one before sending batches.");
        var earlier = await db.Batches.Where(b => b.ProductId == productId && b.Status == BatchStatus.Analyzed)
            .OrderByDescending(b => b.ReceivedAt).Take(VolumeHistory).Select(b => new { b.RowCount, b.ReceivedAt }).ToListAsync(ct);
        var experiment = await RunningExperimentAsync(db, productId, champion.Id, ct);
        var stopwatch = Stopwatch.StartNew();
        var parsed = await Task.Run(() => CsvBatchReader.Read(content, fileName, product.Schema, CsvReadMode.Batch, ct), ct);
        return new PreparedBatch(productId, product.Task, product.Schema, champion.Id, champion.Number, champion.FileHash, parsed, content,
            Path.GetFileName(fileName), source, receivedAt, stopwatch.Elapsed, earlier.Select(b => b.RowCount).ToList(),
            earlier.Select(b => b.ReceivedAt).ToList(), product.DriftSettings, experiment);
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

    /// <summary>Reads, scores and stores a batch in one go.</summary>
    public async Task<BatchSummary> ImportAsync(int productId, ReadOnlyMemory<byte> content, string fileName, BatchSource source,
        DateTime? receivedAt = null, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        progress?.Report(new ImportProgress(ImportStage.Parsing, 0, 0));
        var prepared = await PrepareAsync(productId, content, fileName, source, receivedAt, ct);
        return await ImportAsync(prepared, progress, ct);
    }

    /// <summary>Scores a prepared batch with the champion and stores batch, predictions and metrics in one transaction.</summary>
    public async Task<BatchSummary> ImportAsync(PreparedBatch prepared, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var rows = prepared.RowCount;
        var model = models.Get(prepared.ChampionFileHash);
        var scoringProgress = progress is null ? null : new Progress<int>(done => progress.Report(new ImportProgress(ImportStage.Scoring, done, rows)));
        ScoreResult scores;
        ArmScores? armScores = null;
        byte[]? arms = null;
        if (prepared.Experiment is { } experiment)
        {
            var challenger = models.Get(experiment.ChallengerFileHash);
            arms = ArmAssignment.Assign(experiment.Id, prepared.Parsed.RowKeys, experiment.ChallengerShare);
            armScores = await Task.Run(() => ArmScorer.Score(model, challenger, prepared.Parsed.Table, arms, prepared.Schema, prepared.Task, scoringProgress, ct), ct);
            scores = armScores.Merged;
        }
        else
        {
            scores = await Task.Run(() => ModelScorer.Score(model, prepared.Parsed.Table, prepared.Schema, prepared.Task, scoringProgress, ct), ct);
        }
        var profile = prepared.Task == TaskType.Regression
            ? PredictionProfile.Regression(scores.Predicted)
            : PredictionProfile.Binary(scores.Predicted, scores.Probability);
        var receivedAt = prepared.ReceivedAt ?? clock.GetUtcNow().UtcDateTime;
        prepared = prepared with { ReceivedAt = receivedAt };
        var audit = await Task.Run(() => AuditOf(prepared, scores), ct);
        var armAudits = armScores is null ? null : await Task.Run(() => ArmAuditsOf(prepared, armScores), ct);

        var file = await store.SaveAsync(ContentStore.Batches, prepared.Content, ".csv", ct);
        var stopwatch = Stopwatch.StartNew();
        Batch batch;
        try
        {
            batch = await Task.Run(() => PersistAsync(prepared, scores, profile, audit, arms, armAudits, file.Hash, progress, stopwatch, ct), ct);
            if (armScores is not null)
                logger.LogInformation("Batch {BatchId} of product {ProductId}: experiment {ExperimentId} scored {ChampionRows} rows by champion v{Version} and {ChallengerRows} by challenger v{Challenger} (parse {Parse:F2} s, score {Score:F2} s, store {Store:F2} s)",
                    batch.Id, prepared.ProductId, prepared.Experiment!.Id, armScores.ChampionRows.Length, prepared.ChampionNumber, armScores.ChallengerRows.Length,
                    prepared.Experiment.ChallengerNumber, batch.ParseSeconds, batch.ScoringSeconds, batch.StoreSeconds);
            else
                logger.LogInformation("Batch {BatchId} of product {ProductId}: {Rows} rows scored by model version {Version} (parse {Parse:F2} s, score {Score:F2} s, store {Store:F2} s)",
                    batch.Id, prepared.ProductId, rows, prepared.ChampionNumber, batch.ParseSeconds, batch.ScoringSeconds, batch.StoreSeconds);
        }
        catch
        {
            store.Discard(file);
            throw;
        }
        // Committed: from here on the batch and its file stay, whatever happens to the request.
        await AfterStoreAsync(batch.ProductId, batch.Id, batch.ExperimentId, prepared.Parsed.Table);
        progress?.Report(new ImportProgress(ImportStage.Done, rows, rows));
        events.Publish(prepared.ProductId);
        return await GetSummaryAsync(batch.Id, CancellationToken.None);
    }

    /// <summary>Runs the audit of a stored batch again (e.g. after the drift settings changed) from its stored file and
    /// predictions, replacing the previous audit run and its points in one transaction.</summary>
    public async Task<AuditResult> ReauditAsync(int batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.Batches.Include(b => b.ModelVersion).FirstOrDefaultAsync(b => b.Id == batchId, ct) ?? throw new NotFoundException("Batch", batchId);
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == batch.ProductId, ct);
        var reference = profiles.Get(batch.ModelVersion!.FileHash)
            ?? throw new ConflictException($"Model version {batch.ModelVersion.Number} has no reference data, so batch {batchId} cannot be audited.");
        var path = store.PathFor(ContentStore.Batches, batch.FileHash, ".csv");
        var parsed = await Task.Run(() => CsvBatchReader.ReadFile(path, batch.FileName, product.Schema, CsvReadMode.Batch, ct), ct);
        var predictions = await db.Predictions.AsNoTracking().Where(p => p.BatchId == batchId).OrderBy(p => p.RowIndex)
            .Select(p => p.Score ?? p.Predicted).ToArrayAsync(ct);
        var earlier = await db.Batches.Where(b => b.ProductId == batch.ProductId && b.Status == BatchStatus.Analyzed && b.ReceivedAt < batch.ReceivedAt)
            .OrderByDescending(b => b.ReceivedAt).Take(VolumeHistory).Select(b => new { b.RowCount, b.ReceivedAt }).ToListAsync(ct);
        var audit = await Task.Run(() => BatchAuditor.Audit(product.Schema, parsed.Table, parsed.HasKeyColumn ? parsed.RowKeys : null, predictions, reference,
            batch.ReceivedAt, earlier.Select(b => b.RowCount).ToList(), product.DriftSettings, earlier.Select(b => b.ReceivedAt).ToList()), ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.MetricRuns.Where(r => r.BatchId == batchId && r.Kind == AuditRunKind).ExecuteDeleteAsync(ct);
        await AddAuditRunAsync(db, batch, audit, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Re-audited batch {BatchId}: {Drifted} of {Columns} features drifted", batchId, audit.Drift.Drifted, audit.Drift.Columns);
        await gates.EvaluateAsync(batchId, ct);
        await kpis.EvaluateProductAsync(batch.ProductId, ct);
        events.Publish(batch.ProductId);
        return audit;
    }

    /// <summary>After the batch is committed: its gates are evaluated (alerts raised), a missing-batch alert clears, the
    /// split of the experiment it belongs to is checked for a sample-ratio mismatch, then the computed KPIs take its rows
    /// and every KPI is judged (after the gates: the business-drift classification reads their outcomes). Not cancellable
    /// (the batch is stored even if the caller went away); a failure is logged, never thrown.</summary>
    private async Task AfterStoreAsync(int productId, int batchId, int? experimentId, ColumnTable table)
    {
        try
        {
            await gates.EvaluateAsync(batchId, CancellationToken.None);
            await timeliness.BatchArrivedAsync(productId, batchId, CancellationToken.None);
            if (experimentId is { } id)
                await experiments.CheckAsync(id, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Gate evaluation of batch {BatchId} failed; the batch is stored", batchId);
        }
        try
        {
            await kpis.BatchStoredAsync(productId, batchId, table, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "KPI recompute after batch {BatchId} failed; the batch is stored", batchId);
        }
    }

    private static Task AddAuditRunAsync(DashboardDbContext db, Batch batch, AuditResult audit, CancellationToken ct) =>
        MetricHistory.AddRunAsync(db, batch, AuditRunKind, audit, AuditPoints.Flatten(audit).Select(p => (p.Key, p.Column, p.Value)), ct);

    /// <summary>The production audit against the champion's reference profile; null when the version has none.</summary>
    private AuditResult? AuditOf(PreparedBatch prepared, ScoreResult scores)
    {
        if (profiles.Get(prepared.ChampionFileHash) is not { } reference)
            return null;
        var output = scores.Probability ?? scores.Predicted;
        var predictions = new double[output.Length];
        for (var i = 0; i < output.Length; i++)
            predictions[i] = output[i];
        return BatchAuditor.Audit(prepared.Schema, prepared.Parsed.Table, prepared.Parsed.HasKeyColumn ? prepared.Parsed.RowKeys : null, predictions, reference,
            prepared.ReceivedAt!.Value, prepared.EarlierBatchRows, prepared.DriftSettings, prepared.EarlierReceivedAt);
    }

    /// <summary>Each non-empty arm audited on its own, against its own model's reference, with its model version id.</summary>
    private List<(ArmAudit Audit, int VersionId)> ArmAuditsOf(PreparedBatch prepared, ArmScores scores)
    {
        var experiment = prepared.Experiment!;
        var audits = new List<(ArmAudit, int)>(2);
        foreach (var (arm, result, versionId, hash) in new[]
        {
            (ExperimentArm.Champion, scores.Champion, prepared.ChampionVersionId, prepared.ChampionFileHash),
            (ExperimentArm.Challenger, scores.Challenger, experiment.ChallengerVersionId, experiment.ChallengerFileHash),
        })
        {
            if (result.Predicted.Length == 0)
                continue;
            var latency = result.LatencyMicros;
            audits.Add((ArmAudit.Of(arm, prepared.Task, result.Predicted, result.Probability, result.Duration.TotalSeconds,
                (latency.P50, latency.P95, latency.P99), profiles.Get(hash), prepared.DriftSettings), versionId));
        }
        return audits;
    }

    private async Task<Batch> PersistAsync(PreparedBatch prepared, ScoreResult scores, PredictionProfile profile, AuditResult? audit,
        byte[]? arms, IReadOnlyList<(ArmAudit Audit, int VersionId)>? armAudits, string fileHash,
        IProgress<ImportProgress>? progress, Stopwatch stopwatch, CancellationToken ct)
    {
        var rows = prepared.RowCount;
        var labels = LabelsOf(prepared);
        var (eventFrom, eventTo) = EventTimeRange(prepared);
        var batch = new Batch
        {
            ProductId = prepared.ProductId,
            ModelVersionId = prepared.ChampionVersionId,
            Source = prepared.Source,
            FileName = prepared.FileName,
            FileHash = fileHash,
            FileSizeBytes = prepared.Content.Length,
            ReceivedAt = prepared.ReceivedAt!.Value,
            RowCount = rows,
            Status = BatchStatus.Analyzed,
            ParseSeconds = prepared.ParseTime.TotalSeconds,
            ScoringSeconds = scores.Duration.TotalSeconds,
            LatencyP50Micros = scores.LatencyMicros.P50,
            LatencyP95Micros = scores.LatencyMicros.P95,
            LatencyP99Micros = scores.LatencyMicros.P99,
            EventTimeFrom = eventFrom,
            EventTimeTo = eventTo,
            PredictionMean = profile.Values?.Mean,
            LabelledRows = labels is null ? 0 : labels.Count(l => !double.IsNaN(l)),
            ExperimentId = prepared.Experiment?.Id,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Batches.Add(batch);
        await db.SaveChangesAsync(ct);

        var storeProgress = progress is null ? null : new SyncProgress<int>(done => progress.Report(new ImportProgress(ImportStage.Storing, done, rows)));
        PredictionWriter.Write(db.Database.GetDbConnection(), tx.GetDbTransaction(), batch.Id, prepared.Parsed.RowKeys,
            scores.Predicted, scores.Probability, labels, arms, storeProgress, ct);

        await MetricHistory.AddRunAsync(db, batch, ScoringRunKind, profile, ScoringPoints(batch, profile), ct);
        if (audit is not null)
            await AddAuditRunAsync(db, batch, audit, ct);
        foreach (var (armAudit, versionId) in armAudits ?? [])
            await ArmHistory.AddRunAsync(db, batch, ArmHistory.ScoringRunKind, armAudit.Arm, versionId, armAudit, armAudit.Points(), ct);
        await db.SaveChangesAsync(ct);
        if (batch.LabelledRows > 0)
            await performance.RecomputeAsync(db, prepared.ProductId, batch.ReceivedAt, ct);
        batch.StoreSeconds = stopwatch.Elapsed.TotalSeconds;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return batch;
    }

    private static IEnumerable<(string Key, string? Column, double Value)> ScoringPoints(Batch batch, PredictionProfile profile)
    {
        yield return (MetricKeys.Rows, null, batch.RowCount);
        yield return (MetricKeys.ScoringSeconds, null, batch.ScoringSeconds);
        yield return (MetricKeys.LatencyP50, null, batch.LatencyP50Micros);
        yield return (MetricKeys.LatencyP95, null, batch.LatencyP95Micros);
        yield return (MetricKeys.LatencyP99, null, batch.LatencyP99Micros);
        if (profile.Values is { } values)
        {
            yield return (MetricKeys.PredictionMean, null, values.Mean);
            yield return (MetricKeys.PredictionStd, null, values.Std);
        }
        if (profile.PositiveShare is { } share)
            yield return (MetricKeys.PositiveShare, null, share);
    }

    private static double[]? LabelsOf(PreparedBatch prepared)
    {
        if (!prepared.Parsed.HasLabels || prepared.Schema.Label is not { } label)
            return null;
        var table = prepared.Parsed.Table;
        if (table.TryGetNumeric(label.Name, out var numbers))
        {
            if (prepared.Task == TaskType.Regression)
                return numbers;
            var positive = double.Parse(prepared.Schema.PositiveClass ?? "1", CultureInfo.InvariantCulture);
            return numbers.Select(v => double.IsNaN(v) ? double.NaN : v == positive ? 1.0 : 0.0).ToArray();
        }
        var texts = table.Strings(label.Name);
        return texts.Select(v => v is null ? double.NaN : v == prepared.Schema.PositiveClass ? 1.0 : 0.0).ToArray();
    }

    private static (DateTime? From, DateTime? To) EventTimeRange(PreparedBatch prepared)
    {
        if (prepared.Schema.EventTime is not { } column || !prepared.Parsed.Table.TryGetTimestamps(column.Name, out var times))
            return (null, null);
        DateTime? min = null, max = null;
        foreach (var t in times)
        {
            if (t is not { } v)
                continue;
            if (min is null || v < min)
                min = v;
            if (max is null || v > max)
                max = v;
        }
        return (min, max);
    }

    public Task<PagedResult<BatchSummary>> ListAsync(int productId, int page, int pageSize, BatchSort sort, bool descending, CancellationToken ct) =>
        ListAsync(productId, page, pageSize, sort, descending, fileNameContains: null, ct);

    /// <summary>A page of a product's batches, optionally only those whose file name contains <paramref name="fileNameContains"/>
    /// (case-insensitive for ASCII); <see cref="PagedResult{T}.TotalCount"/> counts the filtered batches.</summary>
    public async Task<PagedResult<BatchSummary>> ListAsync(int productId, int page, int pageSize, BatchSort sort, bool descending,
        string? fileNameContains, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
            throw new NotFoundException("Data product", productId);
        Paging.Batches.Check(page, pageSize);
        var query = db.Batches.AsNoTracking().Where(b => b.ProductId == productId);
        if (!string.IsNullOrWhiteSpace(fileNameContains))
        {
            var pattern = "%" + fileNameContains.Trim().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(b => EF.Functions.Like(b.FileName, pattern, "\\"));
        }
        var total = await query.CountAsync(ct);
        var ordered = (sort, descending) switch
        {
            (BatchSort.FileName, false) => query.OrderBy(b => b.FileName).ThenBy(b => b.Id),
            (BatchSort.FileName, true) => query.OrderByDescending(b => b.FileName).ThenByDescending(b => b.Id),
            (BatchSort.Rows, false) => query.OrderBy(b => b.RowCount).ThenBy(b => b.Id),
            (BatchSort.Rows, true) => query.OrderByDescending(b => b.RowCount).ThenByDescending(b => b.Id),
            (BatchSort.ModelVersion, false) => query.OrderBy(b => b.ModelVersion!.Number).ThenBy(b => b.Id),
            (BatchSort.ModelVersion, true) => query.OrderByDescending(b => b.ModelVersion!.Number).ThenByDescending(b => b.Id),
            (BatchSort.ScoringSeconds, false) => query.OrderBy(b => b.ScoringSeconds).ThenBy(b => b.Id),
            (BatchSort.ScoringSeconds, true) => query.OrderByDescending(b => b.ScoringSeconds).ThenByDescending(b => b.Id),
            (BatchSort.LatencyP95, false) => query.OrderBy(b => b.LatencyP95Micros).ThenBy(b => b.Id),
            (BatchSort.LatencyP95, true) => query.OrderByDescending(b => b.LatencyP95Micros).ThenByDescending(b => b.Id),
            (BatchSort.PredictionMean, false) => query.OrderBy(b => b.PredictionMean).ThenBy(b => b.Id),
            (BatchSort.PredictionMean, true) => query.OrderByDescending(b => b.PredictionMean).ThenByDescending(b => b.Id),
            (_, false) => query.OrderBy(b => b.ReceivedAt).ThenBy(b => b.Id),
            _ => query.OrderByDescending(b => b.ReceivedAt).ThenByDescending(b => b.Id),
        };
        var items = await Project(ordered.Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new PagedResult<BatchSummary>(items, total);
    }

    public async Task<BatchSummary> GetSummaryAsync(int batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db.Batches.AsNoTracking().Where(b => b.Id == batchId)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Batch", batchId);
    }

    public async Task<BatchDetail> GetDetailAsync(int batchId, CancellationToken ct)
    {
        var summary = await GetSummaryAsync(batchId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().Where(p => p.Id == summary.ProductId)
            .Select(p => new { p.Name, p.Task, p.Schema }).FirstAsync(ct);
        var json = await db.MetricRuns.AsNoTracking().Where(r => r.BatchId == batchId && r.Kind == ScoringRunKind)
            .OrderByDescending(r => r.Id).Select(r => r.ResultJson).FirstOrDefaultAsync(ct);
        var profile = json is null ? null : JsonSerializer.Deserialize<PredictionProfile>(json, JsonValueConverter.Options);
        var auditJson = await db.MetricRuns.AsNoTracking().Where(r => r.BatchId == batchId && r.Kind == AuditRunKind)
            .OrderByDescending(r => r.Id).Select(r => r.ResultJson).FirstOrDefaultAsync(ct);
        var audit = auditJson is null ? null : JsonSerializer.Deserialize<AuditResult>(auditJson, JsonValueConverter.Options);
        var performanceJson = await db.MetricRuns.AsNoTracking().Where(r => r.BatchId == batchId && r.Kind == PerformanceService.RunKind)
            .OrderByDescending(r => r.Id).Select(r => r.ResultJson).FirstOrDefaultAsync(ct);
        var result = performanceJson is null ? null : JsonSerializer.Deserialize<Analysis.Performance.PerformanceResult>(performanceJson, JsonValueConverter.Options);
        var gateRows = await db.GateEvaluations.AsNoTracking().Where(e => e.BatchId == batchId).Select(e => new { e, e.GateRule }).ToListAsync(ct);
        var gates = gateRows.Select(r => GateService.ToView(r.e, r.GateRule!))
            .OrderByDescending(v => Analysis.Gates.GateEvaluator.Rank(v.Status)).ThenBy(v => v.GateRuleId).ToList();
        return new BatchDetail(summary, product.Name, product.Task, product.Schema.PositiveClass, profile, audit, result,
            gates, Analysis.Gates.GateEvaluator.Worst(gates.Select(g => g.Status)));
    }

    public async Task<PagedResult<PredictionRow>> GetPredictionsAsync(int batchId, int page, int pageSize, CancellationToken ct)
    {
        Paging.Predictions.Check(page, pageSize);
        var summary = await GetSummaryAsync(batchId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.Predictions.AsNoTracking().Where(p => p.BatchId == batchId).OrderBy(p => p.RowIndex)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new PredictionRow(p.RowIndex, p.RowKey, p.Predicted, p.Score, p.Label)).ToListAsync(ct);
        return new PagedResult<PredictionRow>(items, summary.RowCount);
    }

    /// <summary>Streams all predictions of a batch as CSV.</summary>
    public async Task WritePredictionsCsvAsync(int batchId, Stream output, CancellationToken ct)
    {
        await GetSummaryAsync(batchId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var predictions = db.Predictions.AsNoTracking().Where(p => p.BatchId == batchId).OrderBy(p => p.RowIndex).AsAsyncEnumerable();
        await CsvExport.WriteAsync(output, PredictionColumns, predictions, static (csv, p) => csv
            .Number(p.RowIndex).Text(p.RowKey).Number(p.Predicted).Number(p.Score).Number(p.Label), ct);
    }

    private static IQueryable<BatchSummary> Project(IQueryable<Batch> batches) => batches.Select(b => new BatchSummary(
        b.Id, b.ProductId, b.ModelVersionId, b.ModelVersion!.Number, b.Source, b.FileName, b.FileHash, b.FileSizeBytes,
        b.ReceivedAt, b.RowCount, b.Status, b.ParseSeconds, b.ScoringSeconds, b.StoreSeconds,
        b.LatencyP50Micros, b.LatencyP95Micros, b.LatencyP99Micros, b.EventTimeFrom, b.EventTimeTo, b.PredictionMean, b.LabelledRows));
}
