namespace DataProductDashboard.Bench;

public static class IngestBench
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length);
}
