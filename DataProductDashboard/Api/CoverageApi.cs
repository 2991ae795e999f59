using System.Globalization;
using DataProductDashboard.Services.Coverage;
using DataProductDashboard.Services.Exports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataProductDashboard.Api;

/// <summary>/api/batches/{batchId}/uncovered: the rows of a batch outside the model's training population.</summary>
public static class CoverageApi
{
    public const int MaxListed = 1_000;

    public static RouteGroupBuilder MapCoverageApi(this RouteGroupBuilder api)
    {
        api.MapGet("/batches/{batchId:int}/uncovered", GetAsync).WithTags("Audit").WithName("GetUncoveredRows").Produces<Services.Coverage.UncoveredRowsPage>()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone)
            .WithSummary($"Rows of a batch outside the training population of the version that scored it (numbers beyond the training range, categories never seen), each with its reasons: JSON lists the first {MaxListed:N0} with totalCount; Accept: text/csv or ?format=csv streams them all.");
        return api;
    }

    private static async Task<IResult> GetAsync(int batchId, HttpRequest request, UncoveredRowsService uncovered, CancellationToken ct)
    {
        if (!request.WantsCsv())
            return TypedResults.Ok(await uncovered.GetAsync(batchId, MaxListed, ct));
        // Opened before the stream starts, so a missing batch or reference is a problem response, not a broken file.
        await uncovered.CheckAsync(batchId, ct);
        return TypedResults.Stream(async stream => await CsvExport.WriteAsync(stream, ["row_index", "row_key", "reasons"], uncovered.ReadAsync(batchId, ct),
            (csv, row) => csv.Number((long)row.RowIndex).Text(row.RowKey).Text(string.Join("; ", row.Reasons)), ct), "text/csv",
            string.Create(CultureInfo.InvariantCulture, $"batch-{batchId}-uncovered.csv"));
    }
}
