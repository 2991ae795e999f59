using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;

namespace DataProductDashboard.Services.Batches;

/// <summary>Reads a batch file chunk by chunk on one thread while another consumes (scores) the chunk before: the
/// reader is at most one chunk ahead, so memory holds at most three chunks (one being filled, one waiting, one being
/// scored). Every check of <see cref="CsvBatchReader.ReadFileChunks"/> still applies: a file with a bad row fails with
/// the reader's own error once the chunks handed over before it are consumed; a consumer that fails stops the reader.</summary>
internal static class ChunkReadAhead
{
    /// <summary>Returns the time the reader worked (not counting its waits for the consumer).</summary>
    public static async Task<TimeSpan> RunAsync(string path, string fileName, ProductSchema schema, TimeZoneInfo zone, int chunkRows, Action<ParsedCsv> consume,
        CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var chunks = Channel.CreateBounded<ParsedCsv>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var reading = new Stopwatch();
        var waiting = new Stopwatch();
        var reader = Task.Run(() =>
        {
            reading.Start();
            try
            {
                CsvBatchReader.ReadFileChunks(path, fileName, schema, CsvReadMode.Batch, chunkRows, chunk =>
                {
                    waiting.Start();
                    try
                    {
                        chunks.Writer.WriteAsync(chunk, stop.Token).AsTask().GetAwaiter().GetResult();
                    }
                    finally
                    {
                        waiting.Stop();
                    }
                }, zone, stop.Token);
            }
            finally
            {
                reading.Stop();
                // Completed without the error: the consumer finishes what it was handed, then the reader's own
                // exception (the row and column at fault) is the one thrown below.
                chunks.Writer.TryComplete();
            }
        }, stop.Token);

        ExceptionDispatchInfo? failed = null;
        try
        {
            await Task.Run(async () =>
            {
                await foreach (var chunk in chunks.Reader.ReadAllAsync(stop.Token))
                    consume(chunk);
            }, stop.Token);
        }
        catch (Exception ex)
        {
            failed = ExceptionDispatchInfo.Capture(ex);
            await stop.CancelAsync();
        }
        if (failed is null)
            await reader;
        else
        {
            await reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            failed.Throw();
        }
        return reading.Elapsed - waiting.Elapsed;
    }
}
