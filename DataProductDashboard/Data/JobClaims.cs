using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Data;

/// <summary>Claiming a queued job for one instance, in one statement: Queued → Running with one attempt more and the
/// instance's lease. On PostgreSQL the row is taken <c>FOR UPDATE SKIP LOCKED</c>, so an instance never waits for
/// another that is claiming the same job (it moves on to the next); SQLite runs one writer at a time, where the
/// conditional update alone claims each job once.</summary>
public static class JobClaims
{
    /// <summary>Claims <paramref name="jobId"/> if it is still queued and no other instance is claiming it; the claimed
    /// job, or null.</summary>
    public static async Task<Job?> ClaimAsync(DashboardDbContext db, Guid jobId, string owner, DateTime now, TimeSpan lease, CancellationToken ct)
    {
        var expires = now + lease;
        int claimed;
        if (db.Database.IsNpgsql())
        {
            claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE "Jobs" SET "State" = {nameof(JobState.Running)}, "Stage" = 'Starting', "Attempts" = "Attempts" + 1,
                    "StartedAt" = {now}, "UpdatedAt" = {now}, "LeaseOwner" = {owner}, "LeaseExpiresAt" = {expires}
                WHERE "Id" = (SELECT "Id" FROM "Jobs" WHERE "Id" = {jobId} AND "State" = {nameof(JobState.Queued)} FOR UPDATE SKIP LOCKED)
                """, ct);
        }
        else
        {
            claimed = await db.Jobs.Where(j => j.Id == jobId && j.State == JobState.Queued).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Running).SetProperty(j => j.Stage, "Starting")
                .SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.StartedAt, now).SetProperty(j => j.UpdatedAt, now)
                .SetProperty(j => j.LeaseOwner, owner).SetProperty(j => j.LeaseExpiresAt, expires), ct);
        }
        return claimed == 0 ? null : await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == jobId, ct);
    }
}
