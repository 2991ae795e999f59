namespace DataProductDashboard.Bench;

/// <summary>The "bench" command-line verbs.</summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        switch (args)
        {
            case ["ingest", .. var rest]:
                return await IngestBench.RunAsync(rest);
            case ["drift", .. var rest]:
                return await DriftBench.RunAsync(rest);
            case ["uploads", .. var rest]:
                return await UploadsBench.RunAsync(rest);
            case ["history", .. var rest]:
                return await HistoryBench.RunAsync(rest);
            default:
                await Console.Error.WriteLineAsync("usage: bench ingest [--rows N] [--runs R] [--out-dir DIR]\n       bench drift [--rows N] [--runs R] [--out-dir DIR]\n" +
                    "       bench uploads --files N (--mb S | --rows R) [--runs R] [--out-dir DIR]\n" +
                    "       bench history [--batches 50,200,800] [--rows 5000] [--runs 5] [--out-dir DIR] [--keep-data] [--log-level Warning]");
                return 2;
        }
    }
}
