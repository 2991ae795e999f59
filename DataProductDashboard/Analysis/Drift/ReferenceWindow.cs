using System.Globalization;

namespace DataProductDashboard.Analysis.Drift;

/// <summary>What a batch's feature and prediction drift is measured against.</summary>
public enum ReferenceWindowKind
{
    /// <summary>The champion's training (reference) data, as registered with the version.</summary>
    Training,
    /// <summary>The batches that arrived in a fixed period (dates in the product's time zone, both ends included).</summary>
    Period,
    /// <summary>A rolling window: the last N batches that arrived before the audited one.</summary>
    LastBatches,
}

/// <summary>The reference window of a product's drift audits (part of its <see cref="DriftSettings"/>). Batches enter a
/// window through the sample each one keeps at import (<see cref="ReferenceSample"/>); data quality, coverage,
/// multivariate drift, segment drift and estimated performance stay on the training data.</summary>
/// <param name="From">First day of a <see cref="ReferenceWindowKind.Period"/> window.</param>
/// <param name="To">Last day (included) of a <see cref="ReferenceWindowKind.Period"/> window.</param>
/// <param name="LastBatches">N of a <see cref="ReferenceWindowKind.LastBatches"/> window.</param>
public sealed record ReferenceWindow(ReferenceWindowKind Kind = ReferenceWindowKind.Training, DateOnly? From = null, DateOnly? To = null, int? LastBatches = null)
{
    public const int MaxLastBatches = 500;

    public static ReferenceWindow Training { get; } = new();

    /// <summary>Field errors keyed like the API's JSON ("reference.lastBatches"); empty when the window is valid.</summary>
    public Dictionary<string, string[]> Validate(string prefix = "reference")
    {
        var errors = new Dictionary<string, string[]>();
        switch (Kind)
        {
            case ReferenceWindowKind.Period:
                if (From is null)
                    errors[$"{prefix}.from"] = ["A period window needs its first day (from)."];
                if (To is null)
                    errors[$"{prefix}.to"] = ["A period window needs its last day (to)."];
                if (From is { } from && To is { } to && to < from)
                    errors[$"{prefix}.to"] = [$"The period's last day {to:yyyy-MM-dd} is before its first day {from:yyyy-MM-dd}."];
                if (LastBatches is not null)
                    errors[$"{prefix}.lastBatches"] = ["A period window takes no batch count; leave lastBatches empty."];
                break;
            case ReferenceWindowKind.LastBatches:
                if (LastBatches is not { } n)
                    errors[$"{prefix}.lastBatches"] = ["A rolling window needs the number of batches (lastBatches)."];
                else if (n is < 1 or > MaxLastBatches)
                    errors[$"{prefix}.lastBatches"] = [$"The rolling window takes 1 to {MaxLastBatches} batches; got {n}."];
                if (From is not null || To is not null)
                    errors[$"{prefix}.from"] = ["A rolling window takes no dates; leave from and to empty."];
                break;
            default:
                if (From is not null || To is not null || LastBatches is not null)
                    errors[$"{prefix}.kind"] = ["The training window takes no dates and no batch count."];
                break;
        }
        return errors;
    }

    /// <summary>"training data", "batches of 2012-03-01 to 2012-03-31", "the last 10 batches".</summary>
    public string Describe() => Kind switch
    {
        ReferenceWindowKind.Period => string.Create(CultureInfo.InvariantCulture, $"batches of {From:yyyy-MM-dd} to {To:yyyy-MM-dd}"),
        ReferenceWindowKind.LastBatches => LastBatches == 1 ? "the previous batch" : string.Create(CultureInfo.InvariantCulture, $"the last {LastBatches} batches"),
        _ => "training data",
    };
}

/// <summary>The reference a batch's drift was measured against, kept in its audit: the window asked for, and the
/// batches and rows it held (none for training data). When the window held no batch yet, the training data served
/// and <see cref="FellBack"/> says so.</summary>
public sealed record DriftReference(ReferenceWindow Window, int Batches, long Rows, int? FirstBatch = null, int? LastBatch = null, bool FellBack = false)
{
    public static DriftReference Training(long rows) => new(ReferenceWindow.Training, 0, rows);

    /// <summary>Batches of the window that did not serve: beyond the latest <see cref="ReferenceWindow.MaxLastBatches"/>
    /// of a period, or stored before batches kept a sample (re-auditing such a batch keeps one).</summary>
    public int LeftOut { get; init; }

    /// <summary>"Reference: the last 10 batches (#41–#50, 5,000 sampled rows)".</summary>
    public string Describe()
    {
        if (FellBack)
            return string.Create(CultureInfo.InvariantCulture, $"training data ({Rows:N0} rows): {Window.Describe()} held no batch with a stored sample yet");
        if (Window.Kind == ReferenceWindowKind.Training)
            return string.Create(CultureInfo.InvariantCulture, $"training data ({Rows:N0} rows)");
        var span = FirstBatch == LastBatch ? $"#{FirstBatch}" : $"#{FirstBatch}–#{LastBatch}";
        var left = LeftOut > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {LeftOut:N0} more without a stored sample or beyond the latest {ReferenceWindow.MaxLastBatches}") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{Window.Describe()} ({Batches:N0} {(Batches == 1 ? "batch" : "batches")}, {span}, {Rows:N0} sampled rows{left})");
    }
}
