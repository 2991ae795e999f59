using DataProductDashboard.Hosting.Access;
using System.Globalization;
using System.Text;
using DataProductDashboard.Api.Contracts;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Access;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Trail;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataProductDashboard.Api;

/// <summary>/api/alerts and /api/products/{productId}/alerts: the alerts inbox. Acknowledging and resolving record who
/// (the signed-in user or the API key) and when.</summary>
public static class AlertsApi
{
    private const string Filters = "severity=Warning|Critical, state=Open|Acknowledged|Resolved|Unresolved|All (default All), "
        + "sort=LastSeen|FirstSeen|Severity|Product|Title|Count|State, descending=true|false (default newest last seen first), page, pageSize; "
        + "Accept: text/csv or ?format=csv exports all that match.";

    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alerts");
        alerts.MapGet("/", ListAsync).WithName("ListAlerts").Produces<PagedResult<AlertSummary>>().WithSummary($"Alerts of every product, paged ({{ items, totalCount }}); productId=, {Filters}");
        alerts.MapGet("/{alertId:int}", GetAsync).WithName("GetAlert").WithSummary("One alert with its evidence link and who acknowledged or resolved it when.");
        alerts.MapPost("/{alertId:int}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeAlert").RequireAuthorization(DashboardPolicies.Respond).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Acknowledge an alert (someone is on it); acknowledging it again changes nothing; 409 when already resolved.");
        alerts.MapPost("/{alertId:int}/resolve", ResolveAsync).WithName("ResolveAlert").RequireAuthorization(DashboardPolicies.Respond).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Resolve an alert, with an optional JSON body { \"note\": \"…\" }; 409 when already resolved. The same rule failing later raises a new alert.");
        api.MapGet("/products/{productId:int}/alerts", ListForProductAsync).WithName("ListProductAlerts").Produces<PagedResult<AlertSummary>>().WithTags("Alerts")
            .WithSummary($"A product's alerts, paged ({{ items, totalCount }}); {Filters}");
        return api;
    }

    private static Task<IResult> ListAsync(HttpRequest request, AlertService alerts, CancellationToken ct) =>
        RespondAsync(ParseFilter(request.Query, allowProduct: true) with { OnlyProducts = request.HttpContext.User.AllowedProducts() }, request, alerts, ct);

    private static Task<IResult> ListForProductAsync(int productId, HttpRequest request, AlertService alerts, CancellationToken ct) =>
        RespondAsync(ParseFilter(request.Query, allowProduct: false) with { ProductId = productId }, request, alerts, ct);

    private static async Task<IResult> RespondAsync(AlertFilter filter, HttpRequest request, AlertService alerts, CancellationToken ct)
    {
        if (!request.WantsCsv())
            return TypedResults.Ok(await alerts.ListAsync(filter, ct));
        var all = new List<AlertSummary>();
        for (var page = 1; ; page++)
        {
            var chunk = await alerts.ListAsync(filter with { Page = page, PageSize = Paging.Alerts.MaxPageSize }, ct);
            all.AddRange(chunk.Items);
            if (all.Count >= chunk.TotalCount || chunk.Items.Count == 0)
                break;
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(AlertCsv.Write(all)), "text/csv; charset=utf-8", "alerts.csv");
    }

    private static async Task<Ok<AlertSummary>> GetAsync(int alertId, AlertService alerts, CancellationToken ct) =>
        TypedResults.Ok(await alerts.GetAsync(alertId, ct));

    private static async Task<Ok<AlertSummary>> AcknowledgeAsync(int alertId, HttpContext context, AlertService alerts, CancellationToken ct) =>
        TypedResults.Ok(await alerts.AcknowledgeAsync(alertId, Actor.From(context.User), ct));

    private static async Task<Ok<AlertSummary>> ResolveAsync(int alertId, HttpContext context, AlertService alerts, CancellationToken ct,
        ResolveAlertRequest? body = null) =>
        TypedResults.Ok(await alerts.ResolveAsync(alertId, Actor.From(context.User), body?.Note, ct));

    /// <summary>Reads the filter words itself, so that a bad value answers 400 naming the field and the accepted values
    /// rather than a generic binding failure.</summary>
    private static AlertFilter ParseFilter(IQueryCollection query, bool allowProduct)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new AlertFilter();
        if (allowProduct && Text(query, "productId") is { } p)
        {
            if (int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var productId) && productId > 0)
                filter = filter with { ProductId = productId };
            else
                errors["productId"] = [$"'{p}' is not a product id."];
        }
        if (Text(query, "severity") is { } s)
        {
            if (AlertQueryText.TryParseSeverity(s, out var severity, out var error))
                filter = filter with { Severity = severity };
            else
                errors["severity"] = [error];
        }
        if (Text(query, "state") is { } st)
        {
            if (AlertQueryText.TryParseState(st, out var state, out var error))
                filter = filter.WithState(state);
            else
                errors["state"] = [error];
        }
        if (Text(query, "sort") is { } so)
        {
            if (AlertQueryText.TryParseSort(so, out var sort, out var error))
                filter = filter with { Sort = sort };
            else
                errors["sort"] = [error];
        }
        if ((Text(query, "descending") ?? Text(query, "desc")) is { } d)
        {
            if (bool.TryParse(d, out var descending))
                filter = filter with { Descending = descending };
            else
                errors["descending"] = [$"'{d}' is not true or false."];
        }
        filter = filter with
        {
            Page = Number(query, "page", Paging.FirstPage, int.MaxValue, filter.Page, errors),
            PageSize = Number(query, "pageSize", Paging.MinPageSize, Paging.Alerts.MaxPageSize, filter.PageSize, errors),
        };
        if (errors.Count > 0)
            throw new InputValidationException(string.Join(" ", errors.Values.Select(v => v[0])), errors);
        return filter;
    }

    private static int Number(IQueryCollection query, string name, int min, int max, int fallback, Dictionary<string, string[]> errors)
    {
        if (Text(query, name) is not { } text)
            return fallback;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors[name] = [max == int.MaxValue ? $"'{text}' is not a whole number ≥ {min}." : $"'{text}' is not a whole number between {min} and {max}."];
        return fallback;
    }

    private static string? Text(IQueryCollection query, string name) =>
        query[name].ToString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
