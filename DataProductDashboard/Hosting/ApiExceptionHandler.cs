using DataProductDashboard.Domain;
using Microsoft.AspNetCore.Diagnostics;
using DataProductDashboard.Services.Jobs;
using Microsoft.AspNetCore.Mvc;
using DataProductDashboard.Data;

namespace DataProductDashboard.Hosting;

/// <summary>Turns failures of /api requests into RFC 7807 problem details: 400 with errors keyed by field or
/// "row N, column 'c'", 404, 409, 413, 415; anything unexpected is a logged 500 without internals.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed Request.Path at the error page; the feature keeps the original path.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value;
        if (path is null || !path.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
            return false;
        if (exception is BadHttpRequestException bad && BindingFailure.Describe(bad) is { } described)
            exception = described;
        else if (BindingFailure.Malformed(exception) is { } body)
            exception = body;
        if (DatabaseErrors.IsBusy(exception))
        {
            // The store stayed busy past the busy timeout: the app is saturated, not broken.
            logger.LogWarning(exception, "The database stayed busy for {Method} {Path}", httpContext.Request.Method, path);
            exception = new ServiceBusyException("The database is busy with other writes; send the request again in a few seconds.", TimeSpan.FromSeconds(5));
        }
        if (exception is ServiceBusyException { RetryAfter: var retryAfter })
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = exception switch
        {
            InputValidationException v => new ValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = v.StatusCode, Title = v.Title, Detail = v.Message,
            },
            Services.Batches.DuplicateBatchException dup => new ProblemDetails
            {
                Status = dup.StatusCode, Title = dup.Title, Detail = dup.Message,
                Extensions = { ["batchId"] = dup.BatchId, ["jobId"] = dup.JobId },
            },
            DashboardException d => new ProblemDetails { Status = d.StatusCode, Title = d.Title, Detail = d.Message },
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
            {
                Status = 413, Title = "Upload too large", Detail = "The request body is larger than the configured limit (Dashboard:MaxUploadMegabytes).",
            },
            BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "Bad request", Detail = b.Message },
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error in {Method} {Path}", httpContext.Request.Method, path);
            problem = new ProblemDetails { Status = 500, Title = "Unexpected error", Detail = "The server could not complete the request; see the server log." };
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
