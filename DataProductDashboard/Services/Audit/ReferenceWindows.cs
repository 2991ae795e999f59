using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Drift;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Audit;

/// <summary>Builds the reference of a product's drift audits from its <see cref="ReferenceWindow"/>: nothing to do for
/// training data; for a period or the last N batches, the samples those batches kept at import, pooled
/// (<see cref="ReferenceProfile.FromSamples"/>). A window that holds no batch with a sample yet falls back to the
/// training data, and the audit says so.</summary>
public static class ReferenceWindows
{
    /// <summary>A window takes at most this many batches (a period's latest ones), so its reference stays bounded.</summary>
    public const int MaxBatches = ReferenceWindow.MaxLastBatches;

    /// <param name="beforeNumber">The audited batch's number: a rolling window takes the batches that arrived before it
    /// (null for a batch being imported: every stored batch arrived before it).</param>
    /// <param name="excludeBatchId">The audited batch, left out of a period that contains it.</param>
    /// <returns>The window's profile and its description, or null for the training data.</returns>
    public static async Task<(ReferenceProfile Profile, DriftReference Used)?> ResolveAsync(DashboardDbContext db, int productId, string? timeZone,
        DriftSettings settings, ReferenceProfile training, int? beforeNumber, int? excludeBatchId, CancellationToken ct)
    {
        var window = settings.Window;
        if (window.Kind == ReferenceWindowKind.Training)
            return null;
        var batches = db.Batches.AsNoTracking().Where(b => b.ProductId == productId && b.Status == BatchStatus.Analyzed && b.Id != excludeBatchId);
        var total = 0;
        if (window.Kind == ReferenceWindowKind.LastBatches)
        {
            if (beforeNumber is { } number)
                batches = batches.Where(b => b.Number < number);
            batches = batches.OrderByDescending(b => b.Number).Take(window.LastBatches ?? 1);
            total = await batches.CountAsync(ct);
        }
        else
        {
            var zone = ProductTimeZone.Of(timeZone);
            var from = TimeZoneInfo.ConvertTimeToUtc(window.From!.Value.ToDateTime(TimeOnly.MinValue), zone);
            var to = TimeZoneInfo.ConvertTimeToUtc(window.To!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
            batches = batches.Where(b => b.ReceivedAt >= from && b.ReceivedAt < to);
            total = await batches.CountAsync(ct);
            batches = batches.OrderByDescending(b => b.ReceivedAt).ThenByDescending(b => b.Number).Take(MaxBatches);
        }
        var stored = await batches.Join(db.ReferenceSamples, b => b.Id, s => s.BatchId, (b, s) => new { b.Number, s.Payload }).ToListAsync(ct);
        if (stored.Count == 0)
            return (training, new DriftReference(window, 0, training.Rows, FellBack: true));
        var samples = stored.Select(s => ReferenceSampleCodec.Decode(s.Payload)).ToList();
        var profile = ReferenceProfile.FromSamples(training, samples);
        return (profile, new DriftReference(window, stored.Count, profile.Rows, stored.Min(s => s.Number), stored.Max(s => s.Number))
        {
            LeftOut = Math.Max(0, total - stored.Count),
        });
    }
}
