using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.FollowUps;

/// <summary>Records work that must follow a change inside the change's own context, so both commit together.</summary>
public static class FollowUpRecorder
{
    public static FollowUp Record(DashboardDbContext db, int productId, FollowUpKind kind, IEnumerable<int> batchIds, DateTime at, int? experimentId = null)
    {
        var followUp = new FollowUp
        {
            ProductId = productId,
            Kind = kind,
            BatchIds = string.Join(",", batchIds.Distinct().Order()),
            ExperimentId = experimentId,
            CreatedAt = at,
        };
        db.FollowUps.Add(followUp);
        return followUp;
    }

    public static IReadOnlyList<int> BatchIdsOf(FollowUp followUp) =>
        followUp.BatchIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
}
