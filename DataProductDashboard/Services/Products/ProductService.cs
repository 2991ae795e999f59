using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Products;

/// <summary>Creates and lists data products.</summary>
public sealed class ProductService(IDbContextFactory<DashboardDbContext> dbFactory, Trail.AuditTrail trail, Notifications.ProductEvents events,
    TimeProvider clock, ILogger<ProductService> logger)
{
    /// <summary>The portfolio: active products, and archived ones too with <paramref name="includeArchived"/>.</summary>
    public async Task<IReadOnlyList<ProductSummary>> ListAsync(CancellationToken ct, bool includeArchived = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var products = db.Products.AsNoTracking();
        if (!includeArchived)
            products = products.Where(p => p.ArchivedAt == null);
        var rows = await ProjectAsync(products, db, ct);
        var kpis = await Kpis.KpiPortfolio.SummarizeAsync(db, rows.Select(r => r.Id).ToList(), ct);
        return rows.Select(r => new ProductSummary(r.Id, r.Name, r.Description, r.Owner, r.Task, r.ChampionVersion,
            r.ModelCount, r.BatchCount, r.RowsScored, r.LastBatchAt, r.Health, r.OpenAlerts, r.LastBatchId, kpis.GetValueOrDefault(r.Id), r.ArchivedAt)
            { LastBatchNumber = r.LastBatchNumber }).ToList();
    }

    /// <summary>How many products are archived (the portfolio says so when it hides them).</summary>
    public async Task<int> CountArchivedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Products.CountAsync(p => p.ArchivedAt != null, ct);
    }

    public async Task<ProductDetail> GetAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await ProjectAsync(db.Products.AsNoTracking().Where(p => p.Id == productId), db, ct);
        return rows.SingleOrDefault() ?? throw new NotFoundException("Data product", productId);
    }

    public async Task<ProductDetail> CreateAsync(CreateProductRequest request, CancellationToken ct, Trail.Actor? actor = null)
    {
        var errors = request.Schema?.Validate(request.Task) ?? new() { ["schema"] = ["A schema is required."] };
        if (string.IsNullOrWhiteSpace(request.Name))
            errors["name"] = ["A name is required."];
        else if (request.Name.Length > 200)
            errors["name"] = ["The name is longer than 200 characters."];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!string.IsNullOrWhiteSpace(request.Name) && await db.Products.AnyAsync(p => p.Name == request.Name.Trim(), ct))
            errors["name"] = [$"A data product named '{request.Name.Trim()}' already exists."];
        if (errors.Count > 0)
            throw new InputValidationException($"The data product is not valid: {string.Join("; ", errors.Values.Select(v => v[0]))}", errors);

        var product = new DataProduct
        {
            Name = request.Name.Trim(),
            Description = request.Description?.Trim() ?? "",
            Owner = request.Owner?.Trim() ?? "",
            Task = request.Task,
            Schema = request.Schema!,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            AdoptDefaultGates = request.DefaultGates,
        };
        db.Products.Add(product);
        db.SchemaVersions.Add(new ProductSchemaVersion
        {
            Product = product, Version = 1, Schema = product.Schema, CreatedAt = product.CreatedAt, CreatedBy = actor?.Name ?? "api",
            Changes = "The schema the product was created with.",
        });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Created data product {ProductId} '{Name}' ({Task}; default gates with the first batch: {DefaultGates})",
            product.Id, product.Name, product.Task, product.AdoptDefaultGates);
        return await GetAsync(product.Id, ct);
    }

    /// <summary>Renames a product and sets its description and owner; recorded in the audit trail.</summary>
    public async Task<ProductDetail> UpdateDetailsAsync(int productId, ProductDetailsInput input, Trail.Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
        var name = input.Name?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (name.Length == 0)
            errors["name"] = ["A name is required."];
        else if (name.Length > 200)
            errors["name"] = ["The name is longer than 200 characters."];
        else if (await db.Products.AnyAsync(p => p.Id != productId && p.Name == name, ct))
            errors["name"] = [$"A data product named '{name}' already exists."];
        if (input.Description is { Length: > 2000 })
            errors["description"] = ["The description is longer than 2,000 characters."];
        if (input.Owner is { Length: > 200 })
            errors["owner"] = ["The owner is longer than 200 characters."];
        var zone = string.IsNullOrWhiteSpace(input.TimeZone) ? null : input.TimeZone.Trim();
        if (zone is not null && ProductTimeZone.Find(zone) is null)
            errors["timeZone"] = [$"'{zone}' is not a time zone this server knows; use an IANA name such as 'Europe/Paris' or 'Asia/Shanghai' (or leave it empty for UTC)."];
        if (input.RetentionDays is { } days && days is < RetentionRule.MinDays or > RetentionRule.MaxDays)
            errors["retentionDays"] = [$"Retention must be between {RetentionRule.MinDays} and {RetentionRule.MaxDays} days (or empty to keep everything); got {days}."];
        if (errors.Count > 0)
            throw new InputValidationException($"The product details are not valid: {string.Join("; ", errors.Values.Select(v => v[0]))}", errors);
        ProductWrites.EnsureActive(product);
        var before = Describe(product);
        product.Name = name;
        product.Description = input.Description?.Trim() ?? "";
        product.Owner = input.Owner?.Trim() ?? "";
        product.TimeZone = zone;
        product.RetentionDays = input.RetentionDays;
        trail.Record(db, productId, actor, TrailAction.ProductUpdated, "product details", before, Describe(product));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Product {ProductId} details changed by {Actor}", productId, actor.Name);
        events.Publish(productId);
        return await GetAsync(productId, ct);
    }

    private static string Describe(DataProduct p) =>
        $"'{p.Name}'; owner '{p.Owner}'; description '{p.Description}'; time zone {p.TimeZone ?? "UTC"}; "
        + (p.RetentionDays is { } days ? $"rows kept {days} days" : "rows kept forever");

    public async Task<DriftSettings> GetDriftSettingsAsync(int productId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Products.AsNoTracking().Where(p => p.Id == productId).Select(p => p.DriftSettings).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Data product", productId);
    }

    /// <summary>Sets the dataset drift share and per-column method / threshold overrides; applies to the next audits.</summary>
    public async Task<DriftSettings> UpdateDriftSettingsAsync(int productId, DriftSettings settings, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
        ProductWrites.EnsureActive(product);
        var errors = new Dictionary<string, string[]>();
        if (settings.ShareThreshold is not (> 0 and <= 1))
            errors["shareThreshold"] = [$"The drifted share must be above 0 and at most 1; got {settings.ShareThreshold}."];
        foreach (var (column, choice) in settings.Overrides ?? new Dictionary<string, DriftOverride>())
        {
            var spec = product.Schema.Find(column);
            if (spec is null && column != DriftDetector.PredictionColumn)
            {
                errors[$"overrides['{column}']"] = [$"'{column}' is not a column of the product (or '{DriftDetector.PredictionColumn}' for the model output)."];
                continue;
            }
            var kind = spec?.Kind ?? ColumnKind.Numeric;
            if (choice.Method is { } name)
            {
                if (DriftMethods.Find(name) is not { } method)
                    errors[$"overrides['{column}'].method"] = [$"'{name}' is not a drift method; use one of {string.Join(", ", DriftMethods.All.Select(m => m.Name))}."];
                else if (!method.ColumnKinds.Contains(kind))
                    errors[$"overrides['{column}'].method"] = [$"{method.DisplayName} does not apply to {kind} column '{column}'."];
            }
            if (choice.Threshold is { } threshold && !(threshold > 0 && double.IsFinite(threshold)))
                errors[$"overrides['{column}'].threshold"] = [$"The threshold must be positive; got {choice.Threshold}."];
        }
        foreach (var (field, messages) in settings.Window.Validate())
            errors[field] = messages;
        if (errors.Count > 0)
            throw new InputValidationException($"The drift settings are not valid: {string.Join("; ", errors.Values.Select(v => v[0]))}", errors);
        product.DriftSettings = settings;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Drift settings of product {ProductId} changed (reference: {Reference})", productId, settings.Window.Describe());
        return settings;
    }

    private static async Task<List<ProductDetail>> ProjectAsync(IQueryable<DataProduct> products, DashboardDbContext db, CancellationToken ct)
    {
        var rows = await products
            .OrderBy(p => p.Name)
            .Select(p => new
            {
                p.Id, p.Name, p.Description, p.Owner, p.Task, p.Schema, p.CreatedAt, p.TimeZone, p.ArchivedAt, p.RetentionDays, p.SchemaVersion,
                p.ExpectedCadenceHours,
                Champion = db.ModelVersions.Where(v => v.Id == p.ChampionVersionId).Select(v => (int?)v.Number).FirstOrDefault(),
                ModelCount = p.ModelVersions.Count,
                BatchCount = p.Batches.Count(b => b.Status == BatchStatus.Analyzed),
                RowsScored = p.Batches.Where(b => b.Status == BatchStatus.Analyzed).Sum(b => (long)b.RowCount),
                LastBatchAt = p.Batches.Where(b => b.Status == BatchStatus.Analyzed).Max(b => (DateTime?)b.ReceivedAt),
                LastBatchId = p.Batches.Where(b => b.Status == BatchStatus.Analyzed).OrderByDescending(b => b.ReceivedAt).ThenByDescending(b => b.Id)
                    .Select(b => (int?)b.Id).FirstOrDefault(),
                LastBatchNumber = p.Batches.Where(b => b.Status == BatchStatus.Analyzed).OrderByDescending(b => b.ReceivedAt).ThenByDescending(b => b.Id)
                    .Select(b => (int?)b.Number).FirstOrDefault(),
                OpenAlerts = db.Alerts.Count(a => a.ProductId == p.Id && a.State != AlertState.Resolved),
            })
            .ToListAsync(ct);
        var lastBatches = rows.Where(r => r.LastBatchId is not null).Select(r => r.LastBatchId!.Value).ToList();
        var statuses = await db.GateEvaluations.AsNoTracking().Where(e => e.BatchId != null && lastBatches.Contains(e.BatchId.Value))
            .Select(e => new { BatchId = e.BatchId!.Value, e.Status }).ToListAsync(ct);
        var health = statuses.GroupBy(s => s.BatchId).ToDictionary(g => g.Key, g => GateEvaluator.Worst(g.Select(s => s.Status)));
        return rows.Select(r => new ProductDetail(r.Id, r.Name, r.Description, r.Owner, r.Task, r.Schema, r.Champion,
            r.ModelCount, r.BatchCount, r.RowsScored,
            r.LastBatchAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, r.CreatedAt,
            r.LastBatchId is { } last ? health.GetValueOrDefault(last) : null, r.OpenAlerts, r.LastBatchId, r.TimeZone,
            r.ArchivedAt is { } archived ? DateTime.SpecifyKind(archived, DateTimeKind.Utc) : null, r.RetentionDays, r.SchemaVersion,
            r.ExpectedCadenceHours) { LastBatchNumber = r.LastBatchNumber }).ToList();
    }
}
