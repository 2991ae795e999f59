using Bunit;
using DataProductDashboard.Components.Pages.Notifications;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Components;

public sealed class NotificationsPageTests : BunitTestContext
{
    private static readonly Actor Tester = new("tests");

    private async Task<int> UseProductAsync()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var product = await Service<ProductService>().CreateAsync(new CreateProductRequest("Bike rental demand", "page test", "tests", TaskType.Regression,
            UiTestData.RentalsSchema), CancellationToken.None);
        return product.Id;
    }

    [Fact]
    public async Task Render_ProductWithChannels_ListsThemWithKindSeverityAndLastDelivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var productId = await UseProductAsync();
        var channels = Service<NotificationChannelService>();
        var hook = await channels.CreateAsync(productId, new ChannelRequest("Ops hook", ChannelKind.Webhook, receiver.Url("/ops")), Tester, CancellationToken.None);
        await channels.CreateAsync(productId, new ChannelRequest("Owners", ChannelKind.Email, "owner@example.test", GateSeverity.Critical, false), Tester, CancellationToken.None);
        await channels.SendTestAsync(productId, hook.Id, CancellationToken.None);

        var cut = Render<NotificationsPage>(ps => ps.Add(p => p.ProductId, productId));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=channel-row]").Count));
        Assert.Equal(["Ops hook", "Owners"], cut.FindAll("[data-testid=channel-name]").Select(e => e.TextContent));
        Assert.Equal(["Webhook", "Email"], cut.FindAll("[data-testid=channel-kind]").Select(e => e.GetAttribute("data-kind")));
        Assert.Equal(["Warning and above", "Critical only"], cut.FindAll("[data-testid=channel-severity]").Select(e => e.TextContent.Trim()));
        Assert.Equal(["Test delivered", "Nothing sent yet"], cut.FindAll("[data-testid=channel-last-delivery]").Select(e => e.TextContent.Trim()));
        Assert.Equal("/alerts", cut.Find("[data-testid=alerts-link]").GetAttribute("href"));
        Assert.Contains("always on", cut.Find("[data-testid=in-app-note]").TextContent);
        Assert.Single(cut.FindAll("[data-testid=delivery-row]"));
        Assert.Contains("Delivered", cut.Find("[data-testid=delivery-result]").TextContent);
    }

    [Fact]
    public async Task Render_ProductWithoutChannels_ShowsBothEmptyStates()
    {
        var productId = await UseProductAsync();

        var cut = Render<NotificationsPage>(ps => ps.Add(p => p.ProductId, productId));

        cut.WaitForAssertion(() => Assert.Contains("No webhook or e-mail channels yet", cut.Find("[data-testid=channels-empty]").TextContent));
        Assert.Contains("Nothing sent yet", cut.Find("[data-testid=deliveries-empty]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=add-channel-button]"));
        Assert.Empty(cut.FindAll("[data-testid=channels-table]"));
    }

    [Fact]
    public async Task Render_UnknownProduct_ShowsFriendlyNotFound()
    {
        UseData(await UiTestData.CreateEmptyAsync());

        var cut = Render<NotificationsPage>(ps => ps.Add(p => p.ProductId, 999));

        cut.WaitForAssertion(() => Assert.Contains("Data product 999 was not found", cut.Find("[data-testid=not-found]").TextContent));
    }

    [Fact]
    public async Task SendTest_Clicked_LogsTheDeliveryAndShowsItInTheTable()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var productId = await UseProductAsync();
        await Service<NotificationChannelService>().CreateAsync(productId, new ChannelRequest("Ops hook", ChannelKind.Webhook, receiver.Url("/ops")), Tester,
            CancellationToken.None);
        var cut = Render<NotificationsPage>(ps => ps.Add(p => p.ProductId, productId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=channel-test]")));

        cut.Find("[data-testid=channel-test]").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=delivery-row]")));
        Assert.Equal("Test delivered", cut.Find("[data-testid=channel-last-delivery]").TextContent.Trim());
        Assert.Equal("test", Assert.Single(receiver.Received).Event);
    }

    [Fact]
    public async Task Delete_Confirmed_RemovesTheChannel()
    {
        var productId = await UseProductAsync();
        await Service<NotificationChannelService>().CreateAsync(productId, new ChannelRequest("Ops hook", ChannelKind.Webhook, "https://hooks.example.test/ops"), Tester,
            CancellationToken.None);
        var cut = Render<NotificationsPage>(ps => ps.Add(p => p.ProductId, productId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=channel-delete]")));

        cut.Find("[data-testid=channel-delete]").Click();
        DialogProvider.WaitForAssertion(() => Assert.Contains("Delete the webhook channel 'Ops hook'?", DialogProvider.Markup));
        DialogProvider.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=channels-empty]")));
        Assert.Empty(await Service<NotificationChannelService>().ListAsync(productId, CancellationToken.None));
    }

    [Fact]
    public async Task Render_Viewer_ListsChannelsWithoutChangeControls()
    {
        var productId = await UseProductAsync();
        await Service<NotificationChannelService>().CreateAsync(productId, new ChannelRequest("Owners", ChannelKind.Email, "owner@example.test", GateSeverity.Critical, false),
            Tester, CancellationToken.None);
        SignInAs("viewer", DashboardRoles.Viewer);

        var cut = Render<NotificationsPage>(ps => ps.Add(p => p.ProductId, productId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=channel-row]")));
        AssertAbsent(cut,
            "[data-testid=add-channel-button]", "[data-testid=channel-enabled]", "[data-testid=channel-test]", "[data-testid=channel-edit]", "[data-testid=channel-delete]");
        Assert.Equal("Off", cut.Find("[data-testid=channel-enabled-text]").TextContent.Trim());
        Assert.Equal("Needs Product manager", cut.Find("[data-testid=role-hint]").TextContent.Trim());
    }

    [Fact]
    public async Task Render_ProductManager_SeesEveryChannelControl()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var productId = await UseProductAsync();
        await Service<NotificationChannelService>().CreateAsync(productId, new ChannelRequest("Ops hook", ChannelKind.Webhook, receiver.Url("/ops")),
            Tester, CancellationToken.None);
        SignInAs("pm", DashboardRoles.ProductManager);

        var cut = Render<NotificationsPage>(ps => ps.Add(p => p.ProductId, productId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=channel-row]")));
        AssertPresent(cut,
            "[data-testid=add-channel-button]", "[data-testid=channel-enabled]", "[data-testid=channel-test]", "[data-testid=channel-rotate]", "[data-testid=channel-edit]", "[data-testid=channel-delete]");
    }

    [Fact]
    public async Task Render_ViewerWithoutChannels_EmptyStateSaysWhoAddsThem()
    {
        var productId = await UseProductAsync();
        SignInAs("viewer", DashboardRoles.Viewer);

        var cut = Render<NotificationsPage>(ps => ps.Add(p => p.ProductId, productId));

        cut.WaitForAssertion(() => Assert.Contains("A product manager adds webhooks", cut.Find("[data-testid=channels-empty]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=add-channel-empty]"));
    }
}
