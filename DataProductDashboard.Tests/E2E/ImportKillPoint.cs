namespace DataProductDashboard.Tests.E2E;

/// <summary>When the crash tests kill the app during a large (queued) import.</summary>
public enum ImportKillPoint
{
    /// <summary>Right after the upload was answered 202 with the job queued.</summary>
    Accepted,

    /// <summary>While the job reads the stored file.</summary>
    Parsing,

    /// <summary>While the champion scores the rows (and the audit runs).</summary>
    Scoring,

    /// <summary>While batch, predictions and metric points are written inside the import's transaction.</summary>
    Storing,

    /// <summary>Right after the transaction committed (the job row says Succeeded), usually before the follow-up ends.</summary>
    Committed,
}
