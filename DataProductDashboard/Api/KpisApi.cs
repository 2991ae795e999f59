using DataProductDashboard.Hosting.Access;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Kpis;
using DataProductDashboard.Services.Trail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace DataProductDashboard.Api;

/// <summary>/api/products/{productId}/kpis: KPI definitions (CRUD), their values per period (JSON or CSV) and uploads of
/// values for uploaded KPIs (JSON body, multipart field 'file' or a text/csv body).</summary>
public static class KpisApi
{
    private const string UploadTypes = "application/json ({ \"values\": [ { \"period\": \"2024-05-06\", \"value\": 123.4 } ] }), multipart/form-data (file in field 'file') or text/csv";

    public static RouteGroupBuilder MapKpisApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products/{productId:int}/kpis").WithTags("KPIs");
        group.MapGet("/", ListAsync).WithName("ListKpis").WithSummary("The product's KPIs, ordered by name: status of the latest complete period against the target band, and the business-drift finding of a sustained off-target run.");
        group.MapGet("/{kpiId:int}", GetAsync).WithName("GetKpi").WithSummary("One KPI: definition, overview, values per period (overall, then per A/B arm) and the audit markers on its time axis.");
        group.MapPost("/", CreateAsync).WithName("CreateKpi").AcceptsJson<KpiInput>().RequireAuthorization(DashboardPolicies.Manage).WithSummary("Create a KPI: name, unit, direction (HigherIsBetter|LowerIsBetter), target, tolerance, period (Day|Week|Month), source (Uploaded|BatchColumn|MisclassificationCost), aggregate + column (BatchColumn), costFalsePositive + costFalseNegative (MisclassificationCost), runLength (2–12), description, owner.");
        group.MapPut("/{kpiId:int}", UpdateAsync).WithName("UpdateKpi").AcceptsJson<KpiInput>().RequireAuthorization(DashboardPolicies.Manage).WithSummary("Replace a KPI's definition; computed KPIs are recomputed from every batch.");
        group.MapDelete("/{kpiId:int}", DeleteAsync).WithName("DeleteKpi").RequireAuthorization(DashboardPolicies.Manage).WithSummary("Delete a KPI and its values; its alert is resolved.");
        group.MapPost("/{kpiId:int}/values", UploadAsync).WithName("UploadKpiValues").AcceptsUpload(["text/csv"]).RequireAuthorization(DashboardPolicies.KpiUpload).Produces<KpiUploadResult>()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Values of an uploaded KPI: a JSON body { \"values\": [ { \"period\": \"2024-05-06\", \"value\": 123.4, \"arm\": \"champion\" } ] }, or a CSV (period,value[,arm]) as multipart field 'file' or a text/csv body. A period sent again replaces its value; nothing is stored when a row is wrong; honours Idempotency-Key.");
        group.MapGet("/{kpiId:int}/values", ValuesAsync).WithName("ListKpiValues").Produces<IReadOnlyList<KpiPoint>>().WithSummary("Values per period, oldest first (period, arm, value, rows, status, complete, pending, relativeGap); Accept: text/csv or ?format=csv for CSV.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<KpiOverview>>> ListAsync(int productId, KpiService kpis, CancellationToken ct) =>
        TypedResults.Ok(await kpis.ListOverviewAsync(productId, ct));

    private static async Task<Ok<KpiDetail>> GetAsync(int productId, int kpiId, KpiService kpis, CancellationToken ct) =>
        TypedResults.Ok(await kpis.GetAsync(productId, kpiId, ct));

    private static async Task<Created<KpiDetail>> CreateAsync(int productId, HttpContext context, KpiService kpis, ProductsLookup lookup, CancellationToken ct)
    {
        await lookup.EnsureExistsAsync(productId, ct);
        var input = await ReadKpiAsync(context.Request, ct);
        var created = await kpis.CreateAsync(productId, input, Actor.From(context.User), ct);
        return TypedResults.Created($"/api/products/{productId}/kpis/{created.Definition.Id}", created);
    }

    private static async Task<Ok<KpiDetail>> UpdateAsync(int productId, int kpiId, HttpContext context, KpiService kpis, CancellationToken ct)
    {
        await kpis.GetDefinitionAsync(productId, kpiId, ct);
        var input = await ReadKpiAsync(context.Request, ct);
        return TypedResults.Ok(await kpis.UpdateAsync(productId, kpiId, input, Actor.From(context.User), ct));
    }

    private static async Task<NoContent> DeleteAsync(int productId, int kpiId, HttpContext context, KpiService kpis, CancellationToken ct)
    {
        await kpis.DeleteAsync(productId, kpiId, Actor.From(context.User), ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> UploadAsync(int productId, int kpiId, HttpContext context, KpiService kpis, CancellationToken ct)
    {
        // Unknown product or KPI: 404 before the body is read.
        await kpis.GetDefinitionAsync(productId, kpiId, ct);
        var request = context.Request;
        var actor = Actor.From(context.User);
        var type = MediaTypeHeaderValue.TryParse(request.ContentType, out var media) ? media.MediaType.Value ?? "" : "";
        if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var bodyHash = await Idempotency.BodyHashAsync(request, ct);
            return await Idempotency.RunAsync(context, null, async () =>
                new ApiAnswer(StatusCodes.Status200OK, null, await kpis.SaveValuesAsync(productId, kpiId, await ReadValuesAsync(request, ct), actor, ct)), ct, bodyHash);
        }
        if (!type.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) && !type.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
            throw new UnsupportedContentTypeException(request.ContentType, UploadTypes);
        using var upload = await UploadReader.ReadAsync(request, ["text/csv"], "kpi-values.csv", ct);
        return await Idempotency.RunAsync(context, upload,
            async () => new ApiAnswer(StatusCodes.Status200OK, null, await kpis.UploadValuesAsync(productId, kpiId, upload.Content, upload.FileName, actor, ct)), ct);
    }

    private static async Task<IResult> ValuesAsync(int productId, int kpiId, HttpRequest request, KpiService kpis, CancellationToken ct)
    {
        var values = await kpis.ListValuesAsync(productId, kpiId, ct);
        if (!request.WantsCsv())
            return TypedResults.Ok(values);
        var definition = await kpis.GetDefinitionAsync(productId, kpiId, ct);
        return TypedResults.Text(KpiValuesCsv.Write(values, definition.Period), "text/csv", Encoding.UTF8);
    }

    /// <summary>A KPI definition from a JSON body; every bad field is named (unknown enum value, target not a number…).</summary>
    public static async Task<KpiInput> ReadKpiAsync(HttpRequest request, CancellationToken ct)
    {
        using var body = await JsonBody.ReadAsync(request, ct);
        var name = body.String("name", required: true);
        var target = body.Number("target", required: true);
        var source = body.Enum<KpiSource>("source") ?? KpiSource.Uploaded;
        var runLength = body.Number("runLength");
        var input = new KpiInput(name ?? "", body.Enum<KpiDirection>("direction") ?? KpiDirection.HigherIsBetter, target ?? 0,
            body.Number("tolerance") ?? 0, body.Enum<KpiPeriod>("period") ?? KpiPeriod.Week, source,
            body.Enum<KpiAggregate>("aggregate"), body.String("column"), body.Number("costFalsePositive"), body.Number("costFalseNegative"),
            runLength is { } r && r == Math.Floor(r) && Math.Abs(r) < 1000 ? (int)r : 3,
            body.String("unit"), body.String("description"), body.String("owner"));
        body.ThrowIfInvalid("KPI");
        if (runLength is { } given && (given != Math.Floor(given) || Math.Abs(given) >= 1000))
            throw new InputValidationException("runLength", $"The run length is a whole number of periods between 2 and 12 (got {given}).");
        return input;
    }

    /// <summary>The rows of { "values": [ { "period", "value", "arm" } ] }, as sent: numbers and texts become text, so that
    /// the service names every bad row the same way as in a CSV ("values[2].value": "'abc' is not a number").</summary>
    private static async Task<IReadOnlyList<KpiValueInput>> ReadValuesAsync(HttpRequest request, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException ex)
        {
            throw new InputValidationException("body", $"The body is not valid JSON: {ex.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
                throw new InputValidationException("values", "The body must be { \"values\": [ { \"period\": \"2024-05-06\", \"value\": 123.4 } ] }.");
            var errors = new Dictionary<string, string[]>();
            var rows = new List<KpiValueInput>();
            var i = 0;
            foreach (var item in values.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                    errors[$"values[{i}]"] = [$"{item.GetRawText()} is not an object with 'period' and 'value'."];
                else
                    rows.Add(new KpiValueInput(Text(item, "period"), Text(item, "value"), Text(item, "arm")));
                i++;
            }
            if (errors.Count > 0)
                throw new InputValidationException($"The values are not valid: {string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}"))}", errors);
            return rows;
        }
    }

    private static string? Text(JsonElement item, string field)
    {
        var property = item.EnumerateObject().FirstOrDefault(p => p.Name.Equals(field, StringComparison.OrdinalIgnoreCase));
        return property.Value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            JsonValueKind.String => property.Value.GetString(),
            _ => property.Value.GetRawText(),
        };
    }
}
