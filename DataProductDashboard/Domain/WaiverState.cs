using System.Globalization;

namespace DataProductDashboard.Domain;

/// <summary>A release waiver as it is shown beside what it waives — the registry's release status, a failing release
/// gate outcome, the alert it resolved: "Waived until 2026-12-31 by pm.alice", with the reason and a link to the version
/// page, where the waiver is recorded. <see cref="ExpiresAt"/> is UTC; the date shown is the one the waiver was given.</summary>
public sealed record WaiverState(int Id, int ProductId, int Version, string Reason, DateTime ExpiresAt, string CreatedBy, DateTime CreatedAt)
{
    /// <summary>"Waived until 2026-12-31 by pm.alice".</summary>
    public string Text => TextOf(ExpiresAt, CreatedBy);

    /// <summary>The version page, whose release section shows the waiver and whose lineage records it.</summary>
    public string Link => LinkOf(ProductId, Version);

    public static string TextOf(DateTime expiresAt, string createdBy) =>
        $"Waived until {expiresAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} by {createdBy}";

    public static string LinkOf(int productId, int version) => $"/products/{productId}/models/{version}#waiver";
}
