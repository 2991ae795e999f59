using DataProductDashboard.Hosting.Access;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Trail;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataProductDashboard.Api;

/// <summary>/api/products/{productId}/channels: where a product's alerts go besides the in-app inbox (webhooks,
/// e-mail), test messages, and the delivery log.</summary>
public static class ChannelsApi
{
    public static RouteGroupBuilder MapChannelsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products/{productId:int}/channels").WithTags("Notifications");
        group.MapGet("/", ListAsync).WithName("ListChannels").WithSummary("The product's webhook and e-mail channels, each with its latest delivery (in-app alerts are always on).");
        group.MapPost("/", CreateAsync).WithName("CreateChannel").RequireAuthorization(DashboardPolicies.Manage)
            .WithSummary("Add a channel: { name, kind: Webhook|Email, target: URL or comma-separated addresses (1-20), minimumSeverity: Warning|Critical, enabled }. "
                         + "A webhook's signing secret is in the answer's 'secret', this once. URLs on the host or its network are refused (Notifications:AllowedWebhookHosts).");
        group.MapGet("/{channelId:int}", GetAsync).WithName("GetChannel").WithSummary("One channel.");
        group.MapPut("/{channelId:int}", UpdateAsync).WithName("UpdateChannel").RequireAuthorization(DashboardPolicies.Manage).WithSummary("Replace a channel's name, kind, target, minimum severity and enabled flag.");
        group.MapPost("/{channelId:int}/rotate-secret", RotateSecretAsync).WithName("RotateChannelSecret").RequireAuthorization(DashboardPolicies.Manage)
            .WithSummary("Give a webhook channel a new signing secret (in the answer's 'secret', this once); the old one stops working at once.");
        group.MapDelete("/{channelId:int}", DeleteAsync).WithName("DeleteChannel").RequireAuthorization(DashboardPolicies.Manage).WithSummary("Delete a channel and its delivery log.");
        group.MapPost("/{channelId:int}/test", TestAsync).WithName("TestChannel").RequireAuthorization(DashboardPolicies.Manage)
            .WithSummary("Send a test message through the channel now (one attempt); answers the logged delivery, succeeded or not.");
        group.MapGet("/deliveries", DeliveriesAsync).WithName("ListChannelDeliveries").WithSummary("The delivery log, newest first: ?channelId= to narrow it to one channel, ?take= (1-10000, default 100).");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ChannelSummary>>> ListAsync(int productId, NotificationChannelService channels, CancellationToken ct) =>
        TypedResults.Ok(await channels.ListAsync(productId, ct));

    private static async Task<Ok<ChannelSummary>> GetAsync(int productId, int channelId, NotificationChannelService channels, CancellationToken ct) =>
        TypedResults.Ok(await channels.GetAsync(productId, channelId, ct));

    private static async Task<Created<ChannelSummary>> CreateAsync(int productId, ChannelRequest request, HttpContext context,
        NotificationChannelService channels, CancellationToken ct)
    {
        var channel = await channels.CreateAsync(productId, request, Actor.From(context.User), ct);
        return TypedResults.Created($"/api/products/{productId}/channels/{channel.Id}", channel);
    }

    private static async Task<Ok<ChannelSummary>> UpdateAsync(int productId, int channelId, ChannelRequest request, HttpContext context,
        NotificationChannelService channels, CancellationToken ct) =>
        TypedResults.Ok(await channels.UpdateAsync(productId, channelId, request, Actor.From(context.User), ct));

    private static async Task<Ok<ChannelSummary>> RotateSecretAsync(int productId, int channelId, HttpContext context,
        NotificationChannelService channels, CancellationToken ct) =>
        TypedResults.Ok(await channels.RotateSecretAsync(productId, channelId, Actor.From(context.User), ct));

    private static async Task<NoContent> DeleteAsync(int productId, int channelId, HttpContext context, NotificationChannelService channels, CancellationToken ct)
    {
        await channels.DeleteAsync(productId, channelId, Actor.From(context.User), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<DeliverySummary>> TestAsync(int productId, int channelId, NotificationChannelService channels, CancellationToken ct) =>
        TypedResults.Ok(await channels.SendTestAsync(productId, channelId, ct));

    private static async Task<Ok<IReadOnlyList<DeliverySummary>>> DeliveriesAsync(int productId, NotificationChannelService channels, CancellationToken ct,
        int? channelId = null, int take = 100)
    {
        QueryRules.Check(("channelId", channelId, 1, int.MaxValue), ("take", take, 1, QueryRules.MaxTake));
        return TypedResults.Ok(await channels.ListDeliveriesAsync(productId, channelId, take, ct));
    }
}
