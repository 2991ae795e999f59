using DataProductDashboard.Domain;
using DataProductDashboard.Services.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataProductDashboard.Api;

/// <summary>/api/jobs/{jobId}: status of queued work (large batches, training).</summary>
public static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs/{jobId:guid}", GetAsync).WithTags("Jobs").WithName("GetJob")
            .WithSummary("State (Queued|Running|Succeeded|Failed), stage, rows done / total and attempts of a background job, stored in the database (the same before and after a restart); batchId or modelVersion when it succeeded, error when it failed.");
        api.MapGet("/products/{productId:int}/jobs", ListAsync).WithTags("Jobs").WithName("ListProductJobs")
            .WithSummary("The product's most recent background jobs, newest first (take=1..200, default 20).");
        return api;
    }

    private static async Task<Ok<JobStatus>> GetAsync(Guid jobId, JobTracker jobs, CancellationToken ct) =>
        TypedResults.Ok(await jobs.GetAsync(jobId, ct) ?? throw new NotFoundException("Job", jobId));

    private static async Task<Ok<IReadOnlyList<JobStatus>>> ListAsync(int productId, JobTracker jobs, ProductsLookup lookup, CancellationToken ct, int take = 20)
    {
        QueryRules.Check(("take", take, 1, 200));
        await lookup.EnsureExistsAsync(productId, ct);
        return TypedResults.Ok(await jobs.ForProductAsync(productId, take, ct));
    }
}
