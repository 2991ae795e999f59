namespace DataProductDashboard.Domain;

/// <summary>Work that must follow a committed change: recorded in the same transaction, done by a worker.</summary>
public enum FollowUpKind
{
    /// <summary>A batch was stored: evaluate its gates, clear a missing-batch alert, check its experiment's split, add its KPI contributions.</summary>
    BatchStored,

    /// <summary>Labels were joined: evaluate the gates of the labelled batches again and recompute label-based KPIs.</summary>
    LabelsJoined,

    /// <summary>A batch's audit was run again: evaluate its gates and judge the KPIs again.</summary>
    BatchReaudited,
}
