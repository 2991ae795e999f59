using DataProductDashboard.Analysis.Coverage;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Services.Audit;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Coverage;

/// <summary>One row of a batch outside the model's training population, and why.</summary>
public sealed record UncoveredRow(int RowIndex, string RowKey, IReadOnlyList<string> Reasons);

/// <summary>A page of a batch's uncovered rows; <see cref="TotalCount"/> counts them all.</summary>
public sealed record UncoveredRowsPage(int BatchId, int ModelVersion, long Rows, long TotalCount, IReadOnlyList<UncoveredRow> Items);

/// <summary>Drill-down of a batch's population coverage: reads the batch's stored file chunk by chunk against the
/// training population of the version that scored it and lists the rows outside it with their reasons (numbers
/// beyond the training range, categories never seen). Row data is read for this drill-down only; pages draw the
/// stored coverage points.</summary>
public sealed class UncoveredRowsService(IDbContextFactory<DashboardDbContext> dbFactory, ContentStore store, ReferenceProfileStore profiles,
    Microsoft.Extensions.Options.IOptions<Configuration.DashboardOptions> options)
{
    public async IAsyncEnumerable<UncoveredRow> ReadAsync(int batchId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var (path, fileName, schema, zone, rules, batch) = await OpenAsync(batchId, ct);
        var found = System.Threading.Channels.Channel.CreateBounded<UncoveredRow>(1024);
        var reading = Task.Run(() =>
        {
            try
            {
                CsvBatchReader.ReadFileChunks(path, fileName, schema, CsvReadMode.Batch, options.Value.ImportChunkRows, chunk =>
                {
                    var outside = rules.Outside(chunk.Table);
                    for (var r = 0; r < chunk.RowCount; r++)
                    {
                        if (!outside.Any(flags => flags?[r] == true))
                            continue;
                        var row = chunk.FirstRow + r;
                        var key = chunk.HasKeyColumn ? chunk.RowKeys[r] : GeneratedKeys.Of(batch, row + 1);
                        found.Writer.WriteAsync(new UncoveredRow(row, key, rules.Reasons(chunk.Table, r)), ct).AsTask().GetAwaiter().GetResult();
                    }
                }, zone, ct);
                found.Writer.Complete();
            }
            catch (Exception ex)
            {
                found.Writer.Complete(ex);
            }
        }, ct);
        await foreach (var row in found.Reader.ReadAllAsync(ct))
            yield return row;
        await reading;
    }

    /// <summary>The coverage measured when the batch was stored; null when its version had no reference (or the batch
    /// predates coverage).</summary>
    public async Task<CoverageResult?> GetCoverageAsync(int batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var json = await db.MetricRuns.AsNoTracking().Where(r => r.BatchId == batchId && r.Kind == BatchImporter.CoverageRunKind)
            .OrderByDescending(r => r.Id).Select(r => r.ResultJson).FirstOrDefaultAsync(ct);
        return json is null ? null : System.Text.Json.JsonSerializer.Deserialize<CoverageResult>(json, JsonValueConverter.Options);
    }

    /// <summary>The first <paramref name="limit"/> uncovered rows and how many there are.</summary>
    public async Task<UncoveredRowsPage> GetAsync(int batchId, int limit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.Batches.AsNoTracking().Where(b => b.Id == batchId)
            .Select(b => new { b.RowCount, Version = b.ModelVersion!.Number }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("Batch", batchId);
        var items = new List<UncoveredRow>();
        long total = 0;
        await foreach (var row in ReadAsync(batchId, ct))
        {
            if (items.Count < limit)
                items.Add(row);
            total++;
        }
        return new UncoveredRowsPage(batchId, batch.Version, batch.RowCount, total, items);
    }

    /// <summary>Throws the problem a listing would meet (no batch, rows purged, no reference, file gone) before any row is read.</summary>
    public async Task CheckAsync(int batchId, CancellationToken ct) => await OpenAsync(batchId, ct);

    private async Task<(string Path, string FileName, ProductSchema Schema, TimeZoneInfo Zone, CoverageRules Rules, int BatchId)> OpenAsync(int batchId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await db.Batches.AsNoTracking().Include(b => b.ModelVersion).FirstOrDefaultAsync(b => b.Id == batchId, ct) ?? throw new NotFoundException("Batch", batchId);
        var product = await db.Products.AsNoTracking().FirstAsync(p => p.Id == batch.ProductId, ct);
        Products.RowsGone.ThrowIfPurged(batch);
        var reference = await profiles.GetAsync(batch.ModelVersion!.FileHash, ct)
            ?? throw new ConflictException($"Model version {batch.ModelVersion.Number} has no reference data, so batch {batchId}'s coverage cannot be judged.");
        var path = await store.LocalCopyAsync(ContentStore.Batches, batch.FileHash, ".csv", ct)
            ?? throw new GoneException($"Batch {batchId}'s stored file is gone; its uncovered rows cannot be listed.");
        return (path, batch.FileName, product.Schema, ProductTimeZone.Of(product.TimeZone), new CoverageRules(product.Schema, reference), batch.Id);
    }
}
