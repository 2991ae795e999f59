using DataProductDashboard.Analysis.Segments;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Scoring;
using DataProductDashboard.Services.Releases;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Segments;

/// <summary>The slices where a version fails most, on the latest labelled production batches.</summary>
/// <param name="Against">When set: the slices where <paramref name="Version"/> is worse than this version (the error is
/// the difference of the two versions' per-row errors on the same rows).</param>
public sealed record WeakSegmentsReport(int ProductId, int Version, int? Against, string Error, int Rows, IReadOnlyList<int> Batches,
    IReadOnlyList<WeakSlice> Slices);

/// <summary>Finds weak segments on demand (a drill-down: it reads the latest labelled batches' stored files, at most
/// <see cref="ShadowScorer.MaxRows"/> rows, and re-scores them): per row the error (classifier: 1 when wrong;
/// regression: the absolute error), then <see cref="WeakSlices"/>.</summary>
public sealed class WeakSegmentsService(IDbContextFactory<DashboardDbContext> dbFactory, ShadowScorer sample, ModelCache models)
{
    public const int MaxBatches = 50;

    public async Task<WeakSegmentsReport> FindAsync(int productId, int? version, int? against, int batches, CancellationToken ct)
    {
        if (batches is < 1 or > MaxBatches)
            throw new InputValidationException("batches", $"batches must be between 1 and {MaxBatches}; got {batches}.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) ?? throw new NotFoundException("Data product", productId);
        var number = version ?? (product.ChampionVersionId is { } championId
            ? await db.ModelVersions.Where(v => v.Id == championId).Select(v => v.Number).FirstAsync(ct)
            : throw new ConflictException($"'{product.Name}' has no champion; name a version."));
        var model = await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ProductId == productId && v.Number == number, ct)
            ?? throw new InputValidationException("version", $"Product {productId} has no version {number}.");
        var other = against is { } a
            ? await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ProductId == productId && v.Number == a, ct)
              ?? throw new InputValidationException("against", $"Product {productId} has no version {a}.")
            : null;
        if (other?.Id == model.Id)
            throw new InputValidationException("against", $"v{number} cannot be compared with itself.");
        var loaded = await sample.LoadAsync(db, product, batches, ShadowScorer.MaxRows, labelledOnly: true, ct);
        if (loaded.Tables.Count == 0)
            throw new ConflictException($"'{product.Name}' has no labelled batches whose rows are still stored; weak segments need labels.");

        var own = await models.GetAsync(model.FileHash);
        var baseline = other is null ? null : await models.GetAsync(other.FileHash);
        return await Task.Run(() =>
        {
            var parts = new List<(ColumnTable, IReadOnlyList<int>)>();
            var errors = new List<double>();
            for (var t = 0; t < loaded.Tables.Count; t++)
            {
                var labels = loaded.Labels[t];
                var rows = Enumerable.Range(0, labels.Length).Where(r => !double.IsNaN(labels[r])).ToList();
                var mine = ModelScorer.Score(own, loaded.Tables[t], product.Schema, product.Task, null, ct).Predicted;
                var theirs = baseline is null ? null : ModelScorer.Score(baseline, loaded.Tables[t], product.Schema, product.Task, null, ct).Predicted;
                foreach (var r in rows)
                    errors.Add(ErrorOf(product.Task, mine[r], labels[r]) - (theirs is null ? 0 : ErrorOf(product.Task, theirs[r], labels[r])));
                parts.Add((loaded.Tables[t], rows));
            }
            var table = ColumnTable.Concat(parts);
            var slices = WeakSlices.Find(table, [.. product.Schema.Features], errors, ct);
            var error = product.Task == TaskType.Regression ? "absolute error" : "error rate";
            return new WeakSegmentsReport(productId, number, other?.Number, other is null ? error : $"{error} minus v{other.Number}'s", errors.Count,
                [.. loaded.Batches.Select(b => b.Id)], slices);
        }, ct);
    }

    private static double ErrorOf(TaskType task, float predicted, double label) =>
        task == TaskType.Regression ? Math.Abs(predicted - label) : predicted == label ? 0 : 1;
}
