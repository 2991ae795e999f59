using DataProductDashboard.Domain;
using DataProductDashboard.Services.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataProductDashboard.Api;

/// <summary>/api/jobs/{jobId}: status of queued work (large batches, training).</summary>
public static class JobsApi
{
    public static RouteGroupBuilder MapJobsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs/{jobId:guid}", Get).WithTags("Jobs").WithSummary("State, stage and rows done / total of a background job; batchId or modelVersion when it succeeded.");
        return api;
    }

    private static Ok<JobStatus> Get(Guid jobId, JobTracker jobs) =>
        TypedResults.Ok(jobs.Get(jobId) ?? throw new NotFoundException("Job", jobId));
}
