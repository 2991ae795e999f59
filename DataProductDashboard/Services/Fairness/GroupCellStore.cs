using DataProductDashboard.Analysis.Fairness;
using DataProductDashboard.Analysis.Segments;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Fairness;

/// <summary>The confusion cells of each tuple of segment values of a binary model's batches (<see cref="Data.Entities.GroupCell"/>):
/// rebuilt from a batch's predictions in one grouped statement when the batch is stored and when its labels change, and
/// summed per group for any range of batches, attribute or pair of attributes.</summary>
public static class GroupCellStore
{
    /// <summary>Replaces the cells of <paramref name="batchIds"/> from their predictions, inside the caller's transaction.</summary>
    public static async Task RebuildAsync(DashboardDbContext db, IReadOnlyCollection<int> batchIds, CancellationToken ct)
    {
        foreach (var batchId in batchIds)
        {
            await db.GroupCells.Where(c => c.BatchId == batchId).ExecuteDeleteAsync(ct);
            // Stored predictions and labels of a binary model are exactly 0 or 1.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "GroupCells" ("BatchId", "ProductId", "Groups", "Predicted", "Label", "Count", "At")
                SELECT p."BatchId", p."ProductId", p."Segments", CASE WHEN p."Predicted" = 1 THEN 1 ELSE 0 END,
                       CASE WHEN p."Label" IS NULL THEN -1 WHEN p."Label" = 1 THEN 1 ELSE 0 END, COUNT(*),
                       (SELECT b."ReceivedAt" FROM "Batches" b WHERE b."Id" = p."BatchId")
                FROM "Predictions" p
                WHERE p."BatchId" = {batchId} AND p."Segments" IS NOT NULL
                GROUP BY p."BatchId", p."ProductId", p."Segments", CASE WHEN p."Predicted" = 1 THEN 1 ELSE 0 END,
                         CASE WHEN p."Label" IS NULL THEN -1 WHEN p."Label" = 1 THEN 1 ELSE 0 END
                """, ct);
        }
    }

    /// <summary>The cells of a batch range: every cell of the product's batches received in [from, to], or of one batch.</summary>
    public static async Task<List<Cell>> ReadAsync(DashboardDbContext db, int productId, DateTime? from, DateTime? to, int? batchId, CancellationToken ct)
    {
        var query = db.GroupCells.AsNoTracking().Where(c => c.ProductId == productId);
        if (batchId is { } id)
            query = query.Where(c => c.BatchId == id);
        if (from is { } f)
            query = query.Where(c => c.At >= f);
        if (to is { } t)
            query = query.Where(c => c.At <= t);
        return await query.GroupBy(c => new { c.Groups, c.Predicted, c.Label })
            .Select(g => new Cell(g.Key.Groups, g.Key.Predicted == 1, g.Key.Label, g.Sum(c => c.Count))).ToListAsync(ct);
    }

    /// <summary>Cells of one tuple: label −1 is "not labelled yet".</summary>
    public sealed record Cell(string Groups, bool Predicted, int Label, long Count);

    /// <summary>The confusion counts of each group of <paramref name="attribute"/> (or of "a × b" for
    /// <paramref name="crossed"/>), over labelled cells, or over every cell when <paramref name="everyRow"/> (then an
    /// unlabelled row counts as a negative label: only the selection rates of such counts mean anything). Cells of
    /// batches stored before an attribute was made a segment carry no value for it and are left out (a missing cell of
    /// a measured attribute is the value "(missing)" and is counted).</summary>
    public static List<(string Group, GroupConfusion Counts)> Groups(IEnumerable<Cell> cells, string attribute, string? crossed, bool everyRow = false)
    {
        var groups = new Dictionary<string, GroupConfusion>(StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            if (cell.Label < 0 && !everyRow)
                continue;
            var value = SegmentTuple.ValueOf(cell.Groups, attribute);
            var other = crossed is null ? null : SegmentTuple.ValueOf(cell.Groups, crossed);
            if (value is null || (crossed is not null && other is null))
                continue;
            var group = crossed is null ? value : FairnessAnalyzer.Cross(value, other!);
            groups[group] = groups.GetValueOrDefault(group).Add(cell.Predicted, cell.Label == 1, cell.Count);
        }
        return groups.Select(g => (g.Key, g.Value)).ToList();
    }
}
