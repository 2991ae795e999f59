using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Releases;

/// <summary>A recorded waiver; <see cref="Active"/> until it expires.</summary>
public sealed record WaiverView(int Id, int Version, string Reason, DateTime ExpiresAt, string CreatedBy, DateTime CreatedAt, bool Active)
{
    /// <summary>"Waived until 2026-12-31 by pm.alice".</summary>
    public string Text => WaiverState.TextOf(ExpiresAt, CreatedBy);

    /// <summary>The version page, where the waiver shows in its release section and lineage.</summary>
    public string Link { get; init; } = "";
}
