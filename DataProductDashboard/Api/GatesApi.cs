using DataProductDashboard.Hosting.Access;
using System.Text;
using DataProductDashboard.Analysis.Gates;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Trail;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataProductDashboard.Api;

/// <summary>/api/products/{productId}/gates: gate rules (CRUD), the metrics they can watch, default proposals, a
/// preview on recent batches, the evaluation history (JSON or CSV), the audit trail and the expected cadence.</summary>
public static class GatesApi
{
    public static RouteGroupBuilder MapGatesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products/{productId:int}").WithTags("Gates");
        group.MapGet("/gates", ListAsync).WithName("ListGates").WithSummary("Gate rules of a product (scope=Batch|Release filters), each with its latest outcome.");
        group.MapGet("/gates/{ruleId:int}", GetAsync).WithName("GetGate").WithSummary("One gate rule.");
        group.MapPost("/gates", CreateAsync).WithName("CreateGate").AcceptsJson<GateRuleInput>().RequireAuthorization(DashboardPolicies.Manage).WithSummary("Create a gate rule: scope, metricKey, column?, condition, threshold, upperThreshold (Between), bound/unit (relative), severity, owner, enabled, name.");
        group.MapPut("/gates/{ruleId:int}", UpdateAsync).WithName("UpdateGate").AcceptsJson<GateRuleInput>().RequireAuthorization(DashboardPolicies.Manage).WithSummary("Replace a gate rule.");
        group.MapDelete("/gates/{ruleId:int}", DeleteAsync).WithName("DeleteGate").RequireAuthorization(DashboardPolicies.Manage).WithSummary("Delete a gate rule (its outcomes go with it).");
        group.MapGet("/gates/metrics", MetricsAsync).WithName("ListGateMetrics").WithSummary("The metric keys a gate of this product can watch, with their current values.");
        group.MapGet("/gates/proposals", ProposalsAsync).WithName("ListGateProposals").WithSummary("Default gates the product's metrics propose that it does not have yet.");
        group.MapPost("/gates/preview", PreviewAsync).WithName("PreviewGate").AcceptsJson<GateRuleInput>().RequireAuthorization(DashboardPolicies.Manage).WithSummary("What a rule (same body as create) would have said on the last 10 batches.");
        group.MapGet("/gates/evaluations", EvaluationsAsync).WithName("ListGateEvaluations").Produces<PagedResult<GateEvaluationView>>()
            .WithSummary("Stored outcomes, newest first: ruleId, status, scope, from, to, page, pageSize; Accept: text/csv for a CSV export.");
        group.MapGet("/trail", TrailAsync).WithName("ListAuditTrail").WithSummary("Audit trail: promotions, waivers, rollbacks, gate and channel edits (who, when, before → after).");
        group.MapPut("/cadence", CadenceAsync).WithName("SetExpectedCadence").AcceptsJson<Contracts.CadenceRequest>().RequireAuthorization(DashboardPolicies.Manage).WithSummary("Expected batch cadence in hours ({ \"expectedCadenceHours\": 168 } or null): a missing batch raises an alert.");
        api.MapGet("/batches/{batchId:int}/gates", BatchGatesAsync).WithName("ListBatchGates").WithTags("Gates").WithSummary("Gate outcomes of a batch, worst first.");
        api.MapGet("/batches/{batchId:int}/proposed-gates", BatchProposalsAsync).WithName("ListBatchGateProposals").WithTags("Gates")
            .WithSummary("The default gates this batch's metrics propose (rule + reason).");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<GateRuleView>>> ListAsync(int productId, string? scope, GateService gates, CancellationToken ct) =>
        TypedResults.Ok(await gates.ListAsync(productId, QueryEnum<GateScope>("scope", scope), ct));

    private static async Task<Ok<GateRuleView>> GetAsync(int productId, int ruleId, GateService gates, CancellationToken ct) =>
        TypedResults.Ok(await gates.GetAsync(productId, ruleId, ct));

    private static async Task<Created<GateRuleView>> CreateAsync(int productId, HttpContext context, GateService gates, CancellationToken ct)
    {
        var input = await ReadRuleAsync(context.Request, ct);
        var rule = await gates.CreateAsync(productId, input, Actor.From(context.User), ct);
        return TypedResults.Created($"/api/products/{productId}/gates/{rule.Id}", rule);
    }

    private static async Task<Ok<GateRuleView>> UpdateAsync(int productId, int ruleId, HttpContext context, GateService gates, CancellationToken ct)
    {
        var input = await ReadRuleAsync(context.Request, ct);
        return TypedResults.Ok(await gates.UpdateAsync(productId, ruleId, input, Actor.From(context.User), ct));
    }

    private static async Task<NoContent> DeleteAsync(int productId, int ruleId, HttpContext context, GateService gates, CancellationToken ct)
    {
        await gates.DeleteAsync(productId, ruleId, Actor.From(context.User), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<AvailableMetric>>> MetricsAsync(int productId, GateService gates, CancellationToken ct) =>
        TypedResults.Ok(await gates.GetMetricsAsync(productId, ct));

    private static async Task<Ok<IReadOnlyList<ProposedGate>>> ProposalsAsync(int productId, GateService gates, CancellationToken ct) =>
        TypedResults.Ok(await gates.GetProposalsAsync(productId, ct));

    private static async Task<Ok<IReadOnlyList<GatePreviewRow>>> PreviewAsync(int productId, HttpRequest request, GateService gates, CancellationToken ct) =>
        TypedResults.Ok(await gates.PreviewAsync(productId, await ReadRuleAsync(request, ct), ct));

    private static async Task<IResult> EvaluationsAsync(int productId, int? ruleId, string? status, string? scope, string? from, string? to,
        int? page, int? pageSize, HttpRequest request, GateService gates, CancellationToken ct)
    {
        QueryRules.Check(("ruleId", ruleId, 1, int.MaxValue), QueryRules.Page(page), QueryRules.PageSize(pageSize, Paging.GateEvaluations));
        var csv = request.WantsCsv();
        var filter = new EvaluationFilter(ruleId, QueryEnum<GateStatus>("status", status), QueryRules.Time("from", from), QueryRules.Time("to", to), QueryEnum<GateScope>("scope", scope),
            page ?? Paging.FirstPage, pageSize ?? (csv ? Paging.GateEvaluations.MaxPageSize : 100));
        var result = await gates.ListEvaluationsAsync(productId, filter, ct);
        return csv
            ? TypedResults.Text(GateEvaluationsCsv.Write(result.Items), "text/csv", Encoding.UTF8)
            : TypedResults.Ok(result);
    }

    private static async Task<Ok<IReadOnlyList<TrailEntry>>> TrailAsync(int productId, int? take, AuditTrail trail, CancellationToken ct)
    {
        QueryRules.Check(("take", take, 1, QueryRules.MaxTake));
        return TypedResults.Ok(await trail.ListAsync(productId, take ?? 500, ct));
    }

    private static async Task<NoContent> CadenceAsync(int productId, HttpContext context, GateService gates, CancellationToken ct)
    {
        using var body = await JsonBody.ReadAsync(context.Request, ct);
        var hours = body.Number("expectedCadenceHours");
        body.ThrowIfInvalid("cadence");
        await gates.SetExpectedCadenceAsync(productId, hours, Actor.From(context.User), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<GateEvaluationView>>> BatchGatesAsync(int batchId, GateService gates, CancellationToken ct) =>
        TypedResults.Ok(await gates.ListForBatchAsync(batchId, ct));

    private static async Task<Ok<IReadOnlyList<ProposedGate>>> BatchProposalsAsync(int batchId, GateService gates, CancellationToken ct) =>
        TypedResults.Ok(await gates.GetProposalsForBatchAsync(batchId, ct));

    /// <summary>A gate rule from a JSON body; every bad field is named (unknown enum value, threshold not a number…).</summary>
    public static async Task<GateRuleInput> ReadRuleAsync(HttpRequest request, CancellationToken ct)
    {
        using var body = await JsonBody.ReadAsync(request, ct);
        var scope = body.Enum<GateScope>("scope") ?? GateScope.Batch;
        var metricKey = body.String("metricKey", required: true);
        var condition = body.Enum<GateCondition>("condition", required: true);
        var threshold = body.Number("threshold", required: true);
        var severity = body.Enum<GateSeverity>("severity") ?? GateSeverity.Critical;
        var input = new GateRuleInput(scope, metricKey ?? "", body.String("column"), condition ?? GateCondition.Gt, threshold ?? 0, severity,
            body.Number("upperThreshold"), body.Enum<RelativeBound>("bound") ?? RelativeBound.NotBelow, body.Enum<ToleranceUnit>("unit") ?? ToleranceUnit.Percent,
            body.String("name"), body.String("owner"), body.Bool("enabled") ?? true, body.String("segment"));
        body.ThrowIfInvalid("gate rule");
        return input;
    }

    private static TEnum? QueryEnum<TEnum>(string field, string? text) where TEnum : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? null
        : EnumNames.TryParse<TEnum>(text, out var value) ? value
        : throw new InputValidationException(field, $"'{text}' is not a {typeof(TEnum).Name}; use one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
}
