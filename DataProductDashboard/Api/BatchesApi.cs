using DataProductDashboard.Hosting.Access;
using System.Globalization;
using System.Text;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataProductDashboard.Api;

/// <summary>/api/products/{productId}/batches and /api/batches/{batchId}: integration.</summary>
public static class BatchesApi
{
    public static RouteGroupBuilder MapBatchesApi(this RouteGroupBuilder api)
    {
        var product = api.MapGroup("/products/{productId:int}/batches").WithTags("Batches");
        product.MapPost("/", UploadAsync).WithName("UploadBatch").AcceptsUpload(["text/csv"]).RequireAuthorization(DashboardPolicies.Upload)
            .Produces<BatchSummary>(StatusCodes.Status201Created).Produces<Services.Jobs.JobStatus>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Score a CSV batch (multipart field 'file', or a text/csv body with ?fileName=): 201 when done, 202 + status URL when queued; 409 when the same file is already stored (?allowDuplicate=true stores it anyway); ?backfill=true sends history (placed at its newest event time, never judged late; detected when its events are over Dashboard:BackfillAfterDays old, ?backfill=false says it is not); honours Idempotency-Key.");
        product.MapGet("/", ListAsync).WithName("ListBatches").Produces<PagedResult<BatchSummary>>().WithSummary("Batches, newest first, paged ({ items, totalCount }); sort=ReceivedAt|FileName|Rows|ModelVersion|ScoringSeconds|LatencyP95|PredictionMean, descending=true|false, q=file-name filter; Accept: text/csv or ?format=csv exports all that match.");
        var batch = api.MapGroup("/batches/{batchId:int}").WithTags("Batches");
        batch.MapGet("/", GetAsync).WithName("GetBatch").WithSummary("A batch: summary, latency and prediction distribution.");
        batch.MapPost("/audit", ReauditAsync).WithName("ReauditBatch").RequireAuthorization(DashboardPolicies.ModelWork).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Run the batch's audit again with the current drift settings; replaces the previous audit and its history points.");
        batch.MapGet("/predictions", PredictionsAsync).WithName("ListBatchPredictions").Produces<PagedResult<PredictionRow>>().WithSummary("Predictions, paged JSON; Accept: text/csv or ?format=csv streams all as CSV.");
        return api;
    }

    private static async Task<IResult> UploadAsync(int productId, HttpContext context, BatchIntake intake, ProductsLookup lookup, CancellationToken ct)
    {
        await lookup.EnsureExistsAsync(productId, ct);
        var allowDuplicate = QueryRules.Flag(context.Request.Query, "allowDuplicate");
        var backfill = QueryRules.OptionalFlag(context.Request.Query, "backfill");
        using var upload = await UploadReader.ReadAsync(context.Request, ["text/csv"], "batch.csv", ct);
        return await Idempotency.RunAsync(context, upload, async () =>
        {
            var result = await intake.SubmitAsync(productId, upload.File, BatchSource.Api, allowDuplicate, progress: null, ct, backfill);
            return result.Batch is { } stored
                ? new ApiAnswer(StatusCodes.Status201Created, $"/api/batches/{stored.Id}", stored)
                : new ApiAnswer(StatusCodes.Status202Accepted, $"/api/jobs/{result.Job!.Id}", result.Job);
        }, ct);
    }

    private static async Task<IResult> ListAsync(int productId, HttpRequest request, BatchQueries batches, CancellationToken ct,
        int page = 1, int pageSize = 50, string? q = null)
    {
        QueryRules.Check(QueryRules.Page(page), QueryRules.PageSize(pageSize, Paging.Batches));
        var (sort, descending) = ParseSort(request.Query);
        if (!request.WantsCsv())
            return TypedResults.Ok(await batches.ListAsync(productId, page, pageSize, sort, descending, q, ct));
        var all = new List<BatchSummary>();
        for (var p = 1; ; p++)
        {
            var chunk = await batches.ListAsync(productId, p, Paging.Batches.MaxPageSize, sort, descending, q, ct);
            all.AddRange(chunk.Items);
            if (all.Count >= chunk.TotalCount || chunk.Items.Count == 0)
                break;
        }
        return TypedResults.Text(BatchCsv.Write(all), "text/csv", Encoding.UTF8);
    }

    private static async Task<Ok<DataProductDashboard.Analysis.AuditResult>> ReauditAsync(int batchId, BatchImporter batches, CancellationToken ct) =>
        TypedResults.Ok(await batches.ReauditAsync(batchId, ct));

    private static async Task<Ok<BatchDetail>> GetAsync(int batchId, BatchQueries batches, CancellationToken ct) =>
        TypedResults.Ok(await batches.GetDetailAsync(batchId, ct));

    private static async Task<IResult> PredictionsAsync(int batchId, HttpRequest request, HttpResponse response, BatchQueries batches,
        BatchExports exports, CancellationToken ct, int page = 1, int pageSize = 100)
    {
        QueryRules.Check(QueryRules.Page(page), QueryRules.PageSize(pageSize, Paging.Predictions));
        if (!request.WantsCsv())
            return TypedResults.Ok(await batches.GetPredictionsAsync(batchId, page, pageSize, ct));
        (await batches.GetSummaryAsync(batchId, ct)).ThrowIfRowsPurged();
        return TypedResults.Stream(async stream => await exports.WritePredictionsCsvAsync(batchId, stream, ct), "text/csv",
            string.Create(CultureInfo.InvariantCulture, $"batch-{batchId}-predictions.csv"));
    }

    /// <summary>sort = one of <see cref="BatchSort"/> (case-insensitive, default ReceivedAt); descending (or desc) =
    /// true|false, default true.</summary>
    private static (BatchSort Sort, bool Descending) ParseSort(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        var sort = BatchSort.ReceivedAt;
        if (query["sort"].ToString() is { Length: > 0 } s && (!Enum.TryParse(s, ignoreCase: true, out sort) || !Enum.IsDefined(sort)))
            errors["sort"] = [$"'{s}' is not a sort column; use one of {string.Join(", ", Enum.GetNames<BatchSort>())}."];
        var descending = true;
        var d = query["descending"].ToString() is { Length: > 0 } full ? full : query["desc"].ToString();
        if (d.Length > 0 && !bool.TryParse(d, out descending))
            errors["descending"] = [$"'{d}' is not true or false."];
        if (errors.Count > 0)
            throw new InputValidationException(string.Join(" ", errors.Values.Select(v => v[0])), errors);
        return (sort, descending);
    }
}
