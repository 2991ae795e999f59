using DataProductDashboard.Configuration;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Scoring;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Models;

/// <summary>Model activation: registers uploaded ML.NET zips, ONNX models and models trained in the app, and promotes
/// versions. The first version of a product becomes its champion; a later one starts as a challenger (shadow-scored
/// beside the champion) while the product has room for one and <see cref="DashboardOptions.ShadowNewVersions"/> is on,
/// else as a candidate.</summary>
public sealed class ModelRegistryService(
    IDbContextFactory<DashboardDbContext> dbFactory,
    ContentStore store,
    ReferenceProfileStore profiles,
    ProductEvents events,
    Alerts.AlertService alerts,
    Trail.AuditTrail trail,
    Microsoft.Extensions.Options.IOptions<DashboardOptions> options,
    TimeProvider clock,
    ILogger<ModelRegistryService> logger)
{
    public async Task<IReadOnlyList<ModelVersionSummary>> ListAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
            throw new NotFoundException("Data product", productId);
        var versions = await db.ModelVersions.AsNoTracking().Where(v => v.ProductId == productId).OrderByDescending(v => v.Number).ToListAsync(ct);
        var batchCounts = await db.Batches.Where(b => b.ProductId == productId).GroupBy(b => b.ModelVersionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var waivers = await ActiveWaivers.OfProductAsync(db, productId, clock.GetUtcNow().UtcDateTime, ct);
        return versions.Select(v => ToSummary(v, batchCounts.GetValueOrDefault(v.Id)) with
        {
            Waiver = v.ReleaseStatus is GateStatus.Failed or GateStatus.Error ? waivers.GetValueOrDefault(v.Id) : null,
        }).ToList();
    }

    public async Task<ModelVersionSummary> GetAsync(int productId, int number, CancellationToken ct)
    {
        var versions = await ListAsync(productId, ct);
        return versions.FirstOrDefault(v => v.Number == number) ?? throw NotFoundException.ModelVersion(productId, number);
    }

    /// <summary>Registers an uploaded ML.NET zip after checking it loads and fits the product schema.</summary>
    public Task<ModelVersionSummary> RegisterUploadAsync(int productId, ReadOnlyMemory<byte> zip, string fileName, string? notes, CancellationToken ct) =>
        RegisterUploadAsync(productId, zip, fileName, notes, reference: null, referenceFileName: null, ct);

    /// <summary>Registers an uploaded ML.NET zip; an optional reference CSV (the model's training data, schema columns,
    /// label optional) becomes the reference of the drift audit.</summary>
    /// <param name="by">Who registers it, for the audit trail and the version's lineage (the system when null).</param>
    /// <param name="onnx">How an ONNX model's inputs and outputs are named, when the sender says so (otherwise they are
    /// matched with the columns by name and found by shape).</param>
    public async Task<ModelVersionSummary> RegisterUploadAsync(int productId, ReadOnlyMemory<byte> zip, string fileName, string? notes,
        ReadOnlyMemory<byte>? reference, string? referenceFileName, CancellationToken ct, Trail.Actor? by = null, OnnxUpload? onnx = null)
    {
        var product = await FindProductAsync(productId, ct);
        Products.ProductWrites.EnsureActive(product);
        var isOnnx = Scoring.Onnx.OnnxInspector.LooksLikeOnnx(zip.Span);
        if (!isOnnx && onnx is { FeatureOrder: not null } or { LabelOutput: not null } or { ScoreOutput: not null })
            throw new InputValidationException(onnx.FeatureOrder is not null ? "featureOrder" : onnx.LabelOutput is not null ? "labelOutput" : "scoreOutput",
                $"'{Path.GetFileName(fileName)}' is not an ONNX model, so featureOrder, labelOutput and scoreOutput do not apply.");
        string trainer;
        ModelSource source;
        List<string>? features = null;
        if (isOnnx)
        {
            using var inspected = Scoring.Onnx.OnnxInspector.Resolve(zip.ToArray(), Path.GetFileName(fileName), product.Schema, product.Task,
                onnx?.FeatureOrder, onnx?.LabelOutput, onnx?.ScoreOutput);
            var binding = inspected.Binding;
            zip = ModelPackage.PackOnnx(zip.ToArray(), binding);
            (trainer, source) = ($"ONNX model ({(binding.TensorInput is { } t ? $"tensor '{t}' of {binding.FeatureOrder!.Count} features" : $"{binding.Inputs.Count} column inputs")}, output '{binding.ScoreOutput}')", ModelSource.Onnx);
            features = [.. binding.FeatureOrder ?? binding.Inputs];
        }
        else
        {
            var model = ModelLoader.Load(zip, fileName, out var inputSchema);
            ModelLoader.CheckFits(model, inputSchema, product.Schema, product.Task);
            (trainer, source) = ("uploaded ML.NET model", ModelSource.Uploaded);
        }
        await RejectDuplicateAsync(productId, ContentStore.Hash(zip.Span), ct);
        var referenceTable = reference is { } r
            ? CsvBatchReader.Read(r, referenceFileName ?? "reference.csv", product.Schema, CsvReadMode.Batch, ProductTimeZone.Of(product.TimeZone), ct).Table
            : null;
        var negative = referenceTable is not null && product.Task == TaskType.BinaryClassification && product.Schema.Label is { } label
            ? ClassNames.NegativeFromLabels(referenceTable, label, product.Schema.PositiveClass)
            : null;
        var entity = new ModelVersion
        {
            ProductId = productId,
            Source = source,
            Trainer = trainer,
            FileHash = "",
            FileName = Path.GetFileName(fileName),
            FileSizeBytes = zip.Length,
            Notes = notes?.Trim() ?? "",
        };
        return await AddVersionAsync(entity, zip, reference, referenceTable, product, ct, negativeClass: negative, by: by,
            what: $"{(isOnnx ? "ONNX" : "uploaded ML.NET")} model '{entity.FileName}'{(reference is { } rf ? $" with its training data ({referenceTable!.RowCount:N0} rows)" : "")}",
            features: features);
    }

    /// <summary>Reads and validates a labelled training CSV without training; returns its row count. Lets the API answer
    /// 400 at once for a bad file instead of queueing a job that would fail.</summary>
    public async Task<int> CheckTrainingDataAsync(int productId, ReadOnlyMemory<byte> csv, string fileName, CancellationToken ct, TrainerKind? trainer = null)
    {
        var product = await FindProductAsync(productId, ct);
        Products.ProductWrites.EnsureActive(product);
        if (trainer is { } kind && !ModelTrainer.Supports(product.Task, kind))
            throw new InputValidationException("trainer", $"{kind} cannot train a {product.Task} model; use one of {string.Join(", ", Enum.GetValues<TrainerKind>().Where(k => ModelTrainer.Supports(product.Task, k)))}.");
        return await Task.Run(() => CsvBatchReader.Read(csv, fileName, product.Schema, CsvReadMode.Training, ProductTimeZone.Of(product.TimeZone), ct).RowCount, ct);
    }

    /// <summary>Trains a model on a labelled CSV (columns: the features and the label) and registers it.</summary>
    /// <param name="jobId">The background job training it: marked succeeded in the transaction that registers the
    /// version, so a restart never trains and registers it twice.</param>
    /// <param name="by">Who asked for it, for the audit trail and the version's lineage (the system when null).</param>
    public async Task<ModelVersionSummary> TrainAsync(int productId, ReadOnlyMemory<byte> csv, string fileName, TrainModelRequest request, CancellationToken ct,
        Guid? jobId = null, Trail.Actor? by = null)
    {
        var product = await FindProductAsync(productId, ct);
        Products.ProductWrites.EnsureActive(product);
        var parsed = CsvBatchReader.Read(csv, fileName, product.Schema, CsvReadMode.Training, ProductTimeZone.Of(product.TimeZone), ct);
        var trained = await Task.Run(() => ModelTrainer.Train(parsed.Table, product.Schema, product.Task, request.Trainer, request.HoldoutFraction, request.Seed, ct), ct);
        logger.LogInformation("Trained {Trainer} for product {ProductId} on {Rows} rows in {Seconds:F2} s", trained.Trainer, productId, trained.TrainingRows, trained.TrainingTime.TotalSeconds);
        var entity = new ModelVersion
        {
            ProductId = productId,
            Source = ModelSource.TrainedInApp,
            Trainer = trained.Trainer,
            FileHash = "",
            FileName = $"{request.Trainer.ToString().ToLowerInvariant()}-{Path.GetFileNameWithoutExtension(fileName)}.zip",
            FileSizeBytes = trained.Zip.Length,
            TrainingSeconds = trained.TrainingTime.TotalSeconds,
            TrainingRows = trained.TrainingRows,
            HoldoutRows = trained.HoldoutRows,
            HoldoutMetrics = new Dictionary<string, double>(trained.HoldoutMetrics),
            Parameters = new Dictionary<string, string>(trained.Parameters),
            Notes = request.Notes?.Trim() ?? "",
        };
        return await AddVersionAsync(entity, trained.Zip, csv, parsed.Table, product, ct, jobId, trained.NegativeClass, by,
            $"{trained.Trainer} trained on {trained.TrainingRows:N0} rows of '{Path.GetFileName(fileName)}' (hold-out {trained.HoldoutRows:N0}, fraction {request.HoldoutFraction:0.##}, seed {request.Seed}) in {trained.TrainingTime.TotalSeconds:0.##} s", holdout: trained.Holdout, errorModel: trained.ErrorModel, squaredErrorModel: trained.SquaredErrorModel);
    }

    /// <summary>Makes a version the champion; the previous champion becomes a challenger (shadow-scored). Release gates, waivers and
    /// the audit trail are the caller's (<see cref="Releases.ReleaseService"/>); only it and the seeder call this.</summary>
    public Task<ModelVersionSummary> PromoteAsync(int productId, int number, CancellationToken ct) =>
        PromoteAsync(productId, number, retire: null, alsoSave: null, ct);

    /// <summary>Makes a version the champion; the previous champion becomes a challenger, or is retired when it is
    /// <paramref name="retire"/> (a rollback). <paramref name="alsoSave"/> adds what must be saved in the same
    /// transaction (the audit-trail entry), so the change and its record land together or not at all.</summary>
    public async Task<ModelVersionSummary> PromoteAsync(int productId, int number, int? retire, Action<DashboardDbContext>? alsoSave, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Products.ProductWrites.EnsureActiveAsync(db, productId, ct);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
        var version = await db.ModelVersions.FirstOrDefaultAsync(v => v.ProductId == productId && v.Number == number, ct)
            ?? throw NotFoundException.ModelVersion(productId, number);
        if (version.Status == ModelStatus.Champion)
            throw new ConflictException($"Version {number} is already the champion.");
        if (product.ChampionVersionId is { } previousId && await db.ModelVersions.FindAsync([previousId], ct) is { } previous)
        {
            // The former champion keeps scoring beside the new one (a challenger), unless the product has as many
            // challengers as it may (the promoted version's place frees one when it was a challenger itself).
            var challengers = await db.ModelVersions.CountAsync(v => v.ProductId == productId && v.Status == ModelStatus.Challenger && v.Id != version.Id, ct);
            previous.Status = previous.Number == retire ? ModelStatus.Retired
                : challengers < ChallengerRules.MaxChallengers ? ModelStatus.Challenger : ModelStatus.Candidate;
        }
        version.Status = ModelStatus.Champion;
        version.PromotedAt = clock.GetUtcNow().UtcDateTime;
        product.ChampionVersionId = version.Id;
        await StopExperimentsAsync(db, productId, number, version.PromotedAt.Value, ct);
        alsoSave?.Invoke(db);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Promoted version {Number} of product {ProductId} to champion", number, productId);
        events.Publish(productId);
        return await GetAsync(productId, number, ct);
    }

    /// <summary>A running A/B test compares the previous champion, so a change of champion (a promotion from the models
    /// page, a rollback, or shipping the challenger) stops it in the same save; shipping then records its decision.</summary>
    private async Task StopExperimentsAsync(DashboardDbContext db, int productId, int number, DateTime now, CancellationToken ct)
    {
        var running = await db.Experiments.Where(e => e.ProductId == productId && e.Status == ExperimentStatus.Running).ToListAsync(ct);
        foreach (var experiment in running)
        {
            experiment.Status = ExperimentStatus.Stopped;
            experiment.StoppedAt = now;
            experiment.DecisionReason = $"Stopped automatically: version {number} became the champion, so the test no longer compares the champion.";
            await alerts.ClearAsync(db, productId, Experiments.ExperimentMonitor.SampleRatioAlertKey(experiment.Id), "The experiment stopped: the champion changed.", ct);
        }
    }

    /// <summary>The same zip registered twice would be two versions of one model: refuse and name the existing one.</summary>
    private async Task RejectDuplicateAsync(int productId, string hash, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ModelVersions.Where(v => v.ProductId == productId && v.FileHash == hash).Select(v => (int?)v.Number).FirstOrDefaultAsync(ct) is { } number)
            throw new ConflictException($"This model zip is already registered as version {number} (same SHA-256); promote that version instead.");
    }

    private async Task<DataProduct> FindProductAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
    }

    private async Task<ModelVersionSummary> AddVersionAsync(ModelVersion entity, ReadOnlyMemory<byte> zip, ReadOnlyMemory<byte>? reference,
        ColumnTable? referenceTable, DataProduct owner, CancellationToken ct, Guid? jobId = null, string? negativeClass = null, Trail.Actor? by = null,
        string what = "", IReadOnlyList<string>? features = null, Analysis.HoldoutSample? holdout = null, byte[]? errorModel = null, byte[]? squaredErrorModel = null)
    {
        var modelFile = await store.SaveAsync(ContentStore.Models, zip, ".zip", ct);
        StoredFile? referenceFile = reference is { } r ? await store.SaveAsync(ContentStore.Reference, r, ".csv", ct) : null;
        try
        {
            if (referenceTable is not null)
                await profiles.BuildAsync(modelFile.Hash, zip, referenceTable, owner.Schema, owner.Task, ct, holdout);
            if (errorModel is not null)
                await store.WriteAsync(ModelCache.ErrorModels, modelFile.Hash, ".zip", errorModel, ct);
            if (squaredErrorModel is not null)
                await store.WriteAsync(ModelCache.ErrorModels, ModelCache.SquaredName(modelFile.Hash), ".zip", squaredErrorModel, ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var product = await db.Products.FirstAsync(p => p.Id == entity.ProductId, ct);
            entity.FileHash = modelFile.Hash;
            entity.Features = [.. features ?? owner.Schema.Features.Select(f => f.Name)];
            (entity.TrainingFrom, entity.TrainingTo) = TimeRange(referenceTable, owner.Schema);
            entity.ReferenceFileHash = referenceFile?.Hash;
            entity.Number = (await db.ModelVersions.Where(v => v.ProductId == entity.ProductId).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
            entity.CreatedAt = clock.GetUtcNow().UtcDateTime;
            var shadow = options.Value is { ShadowNewVersions: true, ShadowRowsPerBatch: > 0 }
                && await db.ModelVersions.CountAsync(v => v.ProductId == entity.ProductId && v.Status == ModelStatus.Challenger, ct) < ChallengerRules.MaxChallengers;
            entity.Status = product.ChampionVersionId is null ? ModelStatus.Champion : shadow ? ModelStatus.Challenger : ModelStatus.Candidate;
            entity.PromotedAt = product.ChampionVersionId is null ? entity.CreatedAt : null;
            NameNegativeClass(product, negativeClass);
            db.ModelVersions.Add(entity);
            trail.Record(db, entity.ProductId, by ?? Trail.Actor.System, entity.Source == ModelSource.TrainedInApp ? TrailAction.ModelTrained : TrailAction.ModelRegistered,
                $"version {entity.Number}", null, $"{what}; file {entity.FileHash[..Math.Min(12, entity.FileHash.Length)]} ({entity.FileSizeBytes:N0} bytes); status {entity.Status}");
            await db.SaveChangesAsync(ct);
            if (product.ChampionVersionId is null)
            {
                product.ChampionVersionId = entity.Id;
                await db.SaveChangesAsync(ct);
            }
            if (jobId is { } id)
                await Jobs.JobCompletion.MarkSucceededAsync(db, id, batchId: null, entity.Number, entity.TrainingRows ?? 0, clock.GetUtcNow().UtcDateTime, ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            await store.DiscardAsync(modelFile);
            if (referenceFile is not null)
                await store.DiscardAsync(referenceFile);
            throw;
        }
        logger.LogInformation("Registered model version {Number} ({Source}) for product {ProductId}", entity.Number, entity.Source, entity.ProductId);
        events.Publish(entity.ProductId);
        return ToSummary(entity, 0);
    }

    /// <summary>The event-time range of the training (or reference) rows, when the schema has an event time.</summary>
    private static (DateTime? From, DateTime? To) TimeRange(ColumnTable? table, ProductSchema schema)
    {
        if (table is null || schema.EventTime is not { } column || !table.TryGetTimestamps(column.Name, out var times))
            return (null, null);
        var present = times.Where(t => t is not null).Select(t => t!.Value).ToList();
        return present.Count == 0 ? (null, null) : (present.Min(), present.Max());
    }

    /// <summary>A binary product whose schema leaves the negative class unnamed (a label without allowed values) takes
    /// its name from the labels the version was trained (or referenced) on, so pages can show "good" instead of 0. Only
    /// the first name sticks: a later file never renames it (a schema change can).</summary>
    private void NameNegativeClass(DataProduct product, string? negativeClass)
    {
        if (negativeClass is null || product.Task != TaskType.BinaryClassification || !ClassNames.NeedsNegative(product.Schema)
            || negativeClass.Length > ProductSchema.MaxClassNameLength || negativeClass != negativeClass.Trim())
            return;
        product.Schema = product.Schema with { NegativeClass = negativeClass };
        logger.LogInformation("Product {ProductId}: the negative class is named '{Negative}' from the training labels", product.Id, negativeClass);
    }

    private static ModelVersionSummary ToSummary(ModelVersion v, int batchCount) => new(
        v.Id, v.ProductId, v.Number, v.Source, v.Trainer, v.Status, v.FileName, v.FileHash, v.FileSizeBytes,
        v.TrainingSeconds, v.TrainingRows, v.HoldoutRows, v.HoldoutMetrics, v.Notes, v.CreatedAt, batchCount, v.ReleaseStatus, v.ReleaseEvaluatedAt, v.PromotedAt)
    { Parameters = v.Parameters, Features = v.Features, TrainingFrom = v.TrainingFrom, TrainingTo = v.TrainingTo };
}
