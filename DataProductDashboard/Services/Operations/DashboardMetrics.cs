using System.Diagnostics;
using System.Diagnostics.Metrics;
using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Operations;

/// <summary>The dashboard's own signals for operators, on the meter and activity source named
/// <see cref="Name"/>: imports (duration, rows, rows per second), gate outcomes, notification deliveries and the job
/// queue (depth and the age of its oldest queued job, read from <see cref="QueueGauge"/> when a reader collects).
/// Exported over OTLP and in Prometheus format by <c>Hosting/TelemetryExtensions</c>; ASP.NET Core's own request
/// durations come beside them.</summary>
public sealed class DashboardMetrics
{
    public const string Name = "DataProductDashboard";

    /// <summary>Spans of the dashboard's own work (a batch import, its follow-up).</summary>
    public static readonly ActivitySource Activities = new(Name);

    private readonly Histogram<double> _importDuration;
    private readonly Counter<long> _importRows;
    private readonly Histogram<double> _importRate;
    private readonly Counter<long> _importFailures;
    private readonly Counter<long> _gateOutcomes;
    private readonly Counter<long> _deliveries;

    public DashboardMetrics(IMeterFactory meters, QueueGauge queue)
    {
        var meter = meters.Create(Name);
        _importDuration = meter.CreateHistogram<double>("dpd.import.duration", "s", "Time to import one batch end to end (read, score, audit, store, follow-up).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] });
        _importRows = meter.CreateCounter<long>("dpd.import.rows", "{row}", "Rows of the batches imported.");
        _importRate = meter.CreateHistogram<double>("dpd.import.rate", "{row}/s", "Rows per second of each import, end to end.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1e3, 1e4, 2.5e4, 5e4, 1e5, 2.5e5, 5e5, 1e6] });
        _importFailures = meter.CreateCounter<long>("dpd.import.failures", "{batch}", "Imports that stored nothing (bad file, cancelled, error).");
        _gateOutcomes = meter.CreateCounter<long>("dpd.gate.outcomes", "{outcome}", "Gate evaluations by scope and status.");
        _deliveries = meter.CreateCounter<long>("dpd.notification.deliveries", "{delivery}", "Notification deliveries by channel kind and outcome.");
        meter.CreateObservableGauge("dpd.queue.depth", () => queue.Read().Queued, "{job}", "Jobs waiting to run.");
        meter.CreateObservableGauge("dpd.queue.running", () => queue.Read().Running, "{job}", "Jobs running.");
        meter.CreateObservableGauge("dpd.queue.oldest_age", () => queue.Read().OldestQueuedSeconds, "s", "Age of the oldest queued job (0 when none waits).");
    }

    public void ImportSucceeded(BatchSource source, int rows, TimeSpan elapsed)
    {
        var tags = new TagList { { "source", source.ToString() } };
        _importDuration.Record(elapsed.TotalSeconds, tags);
        _importRows.Add(rows, tags);
        if (elapsed > TimeSpan.Zero && rows > 0)
            _importRate.Record(rows / elapsed.TotalSeconds, tags);
    }

    public void ImportFailed(BatchSource source, Exception error) =>
        _importFailures.Add(1, new TagList { { "source", source.ToString() }, { "error", error.GetType().Name } });

    public void GateOutcomes(GateScope scope, IEnumerable<GateStatus> statuses)
    {
        foreach (var group in statuses.GroupBy(s => s))
            _gateOutcomes.Add(group.Count(), new TagList { { "scope", scope.ToString() }, { "status", group.Key.ToString() } });
    }

    public void Delivery(ChannelKind kind, bool succeeded) =>
        _deliveries.Add(1, new TagList { { "kind", kind.ToString() }, { "outcome", succeeded ? "delivered" : "failed" } });
}
