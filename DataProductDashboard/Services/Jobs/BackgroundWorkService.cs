namespace DataProductDashboard.Services.Jobs;

/// <summary>Runs queued work (large batches, training) in the background; a failing item never stops the loop.</summary>
public sealed class BackgroundWorkService(BackgroundWorkQueue queue, ILogger<BackgroundWorkService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await work(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A background work item failed");
            }
        }
    }
}
