using DataProductDashboard.Hosting.Access;
using System.Text;
using DataProductDashboard.Analysis.Experiments;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Experiments;
using DataProductDashboard.Services.Trail;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataProductDashboard.Api;

/// <summary>/api/products/{productId}/experiments and /api/experiments/{id}: A/B tests of model versions — list, start,
/// read with live statistics (JSON, or the per-metric comparison as CSV), decide.</summary>
public static class ExperimentsApi
{
    public static RouteGroupBuilder MapExperimentsApi(this RouteGroupBuilder api)
    {
        var product = api.MapGroup("/products/{productId:int}/experiments").WithTags("Experiments");
        product.MapGet("/", ListAsync).WithName("ListExperiments").WithSummary("A product's A/B tests, running first, each with its live statistics.");
        product.MapPost("/", StartAsync).WithName("StartExperiment").AcceptsJson<StartExperimentRequest>().RequireAuthorization(DashboardPolicies.Contribute).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Start an A/B test: { \"challengerVersion\": 2, \"primaryMetric\": \"perf.accuracy\", \"minimumDetectableEffect\": 0.05, \"challengerShare\": 0.5, \"alpha\": 0.05, \"power\": 0.8, \"name\", \"hypothesis\" } → 201; 409 while another runs.");
        product.MapGet("/metrics", MetricsAsync).WithName("ListExperimentMetrics").WithSummary("The metrics an A/B test of this product can compare (key, name, test, unit of the minimum detectable effect).");
        var experiment = api.MapGroup("/experiments/{experimentId:int}").WithTags("Experiments");
        experiment.MapGet("/", GetAsync).WithName("GetExperiment").Produces<ExperimentSummary>().WithSummary("One A/B test with its live statistics; Accept: text/csv (or ?format=csv) answers the per-metric comparison table.");
        experiment.MapGet("/comparison.csv", CsvAsync).WithName("ExportExperimentComparison").Produces<string>(StatusCodes.Status200OK, "text/csv").WithSummary("The per-metric comparison table as CSV (primary first).");
        experiment.MapPost("/decision", DecideAsync).WithName("DecideExperiment").AcceptsJson<Contracts.ExperimentDecisionRequest>().RequireAuthorization(DashboardPolicies.Manage).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Decide: { \"decision\": \"KeepRunning\" | \"KeepChampion\" | \"ShipChallenger\", \"reason\": \"…\" }; shipping promotes the challenger through the release gates (409 naming the failing gates when refused).");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ExperimentSummary>>> ListAsync(int productId, ExperimentService experiments, CancellationToken ct) =>
        TypedResults.Ok(await experiments.ListAsync(productId, ct));

    private static async Task<Ok<IReadOnlyList<ExperimentMetric>>> MetricsAsync(int productId, ExperimentService experiments, CancellationToken ct) =>
        TypedResults.Ok(await experiments.GetMetricsAsync(productId, ct));

    private static async Task<IResult> GetAsync(int experimentId, HttpRequest request, ExperimentService experiments, CancellationToken ct)
    {
        var summary = await experiments.GetAsync(experimentId, ct);
        return request.WantsCsv() ? await CsvOfAsync(summary, experiments, ct) : TypedResults.Ok(summary);
    }

    private static async Task<IResult> CsvAsync(int experimentId, ExperimentService experiments, CancellationToken ct) =>
        await CsvOfAsync(await experiments.GetAsync(experimentId, ct), experiments, ct);

    private static async Task<IResult> CsvOfAsync(ExperimentSummary summary, ExperimentService experiments, CancellationToken ct) =>
        TypedResults.Text(ExperimentCsv.Write(summary, await experiments.GetMetricsAsync(summary.ProductId, ct)), "text/csv", Encoding.UTF8);

    private static async Task<Created<ExperimentSummary>> StartAsync(int productId, HttpContext context, ExperimentService experiments, CancellationToken ct)
    {
        using var body = await JsonBody.ReadAsync(context.Request, ct);
        var challenger = body.Number("challengerVersion", required: true);
        var request = new StartExperimentRequest(
            challenger is { } c && c == Math.Floor(c) && c is >= 1 and <= int.MaxValue ? (int)c : null,
            body.String("primaryMetric", required: true),
            body.Number("minimumDetectableEffect", required: true),
            body.Number("challengerShare") ?? 0.5,
            body.Number("alpha") ?? 0.05,
            body.Number("power") ?? 0.8,
            body.String("name"),
            body.String("hypothesis"));
        body.ThrowIfInvalid("experiment");
        if (challenger is not null && request.ChallengerVersion is null)
            throw new InputValidationException("challengerVersion", $"{challenger} is not a version number (a whole number ≥ 1).");
        var summary = await experiments.StartAsync(productId, request, Actor.From(context.User), ct);
        return TypedResults.Created($"/api/experiments/{summary.Id}", summary);
    }

    private static async Task<Ok<ExperimentSummary>> DecideAsync(int experimentId, HttpContext context, ExperimentService experiments, CancellationToken ct)
    {
        using var body = await JsonBody.ReadAsync(context.Request, ct);
        var decision = body.Enum<ExperimentDecision>("decision", required: true);
        var reason = body.String("reason", required: true);
        body.ThrowIfInvalid("decision");
        return TypedResults.Ok(await experiments.DecideAsync(experimentId, decision, reason, Actor.From(context.User), ct));
    }
}
