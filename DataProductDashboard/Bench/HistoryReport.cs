using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DataProductDashboard.Bench;

/// <summary>The output of <see cref="HistoryBench"/>: a text table (one row per measurement, one column per checkpoint,
/// then last ÷ first) and the JSON document with every figure.</summary>
public static class HistoryReport
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Json(int rows, int runs, HistoryProduct product, IReadOnlyList<HistoryCheckpoint> checkpoints) =>
        JsonSerializer.Serialize(new
        {
            rowsPerBatch = rows,
            runs,
            measuredAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            processors = Environment.ProcessorCount,
            productId = product.Id,
            experimentId = product.ExperimentId,
            checkpoints,
        }, Options);

    public static string Table(IReadOnlyList<HistoryCheckpoint> checkpoints)
    {
        var lines = new List<(string Name, double?[] Values, string Format)>();
        foreach (var name in checkpoints[0].Pages.Keys)
            lines.Add(("page " + name + " (ms)", checkpoints.Select(c => (double?)c.Pages[name]).ToArray(), "F1"));
        foreach (var name in checkpoints[0].Apis.Keys)
            lines.Add((name + " (ms)", checkpoints.Select(c => (double?)c.Apis[name]).ToArray(), "F1"));
        lines.Add(("label upload, 1 batch, median of last 5 (ms)", checkpoints.Select(c => c.LabelUpload5kMs).ToArray(), "F0"));
        lines.Add(("label upload, 18 batches (ms)", checkpoints.Select(c => (double?)c.LabelUpload90kMs).ToArray(), "F0"));
        lines.Add(("RSS after full GC (MB)", checkpoints.Select(c => (double?)c.RssMb).ToArray(), "F0"));
        lines.Add(("peak RSS so far (MB)", checkpoints.Select(c => (double?)c.PeakRssMb).ToArray(), "F0"));
        lines.Add(("database + WAL (MB)", checkpoints.Select(c => (double?)c.DbMb).ToArray(), "F1"));
        lines.Add(("growth, s per batch", checkpoints.Select(c => (double?)c.SecondsPerBatch).ToArray(), "F2"));
        lines.Add(("  of which batch upload", checkpoints.Select(c => (double?)c.UploadSecondsPerBatch).ToArray(), "F2"));
        lines.Add(("  of which label upload", checkpoints.Select(c => (double?)c.LabelSecondsPerBatch).ToArray(), "F2"));

        string[] header = ["measurement", .. checkpoints.Select(c => c.Batches.ToString("N0", CultureInfo.InvariantCulture) + " batches"), "last / first"];
        var table = lines.Select(l => (string[])[l.Name, .. l.Values.Select(v => v?.ToString(l.Format, CultureInfo.InvariantCulture) ?? "–"), Factor(l.Values)]).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, table.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        void Row(string[] cells) => text.AppendLine("| " + string.Join(" | ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))) + " |");
        Row(header);
        text.AppendLine("|" + string.Join("|", widths.Select((w, i) => i == 0 ? new string('-', w + 2) : new string('-', w + 1) + ":")) + "|");
        table.ForEach(Row);
        return text.ToString().TrimEnd();
    }

    private static string Factor(double?[] values) =>
        values is [{ } first, .., { } last] && first > 0 ? (last / first).ToString("0.0", CultureInfo.InvariantCulture) + "×" : "–";
}
