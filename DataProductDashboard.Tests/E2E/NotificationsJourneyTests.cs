using System.Text.RegularExpressions;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Playwright;

namespace DataProductDashboard.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class NotificationsJourneyTests(DashboardServerFixture server)
{
    [Fact]
    public async Task Journey_AddAWebhookChannelFixItsUrlCopyItsSecretAndSendASignedTest()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var page = await server.NewPageAsync();
        await DashboardServerFixture.OpenAsync(page, server.BaseUrl + "/");
        await page.Locator("[data-testid=product-card]", new() { HasText = "Credit risk" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/products/\d+/?$"));
        await page.ClickAsync("#nav-notifications");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/products/\d+/notifications$"));
        await Assertions.Expect(page.Locator("[data-testid=in-app-note]")).ToContainTextAsync("always on");

        await page.ClickAsync("#add-channel-button");
        var dialog = page.Locator("[data-testid=channel-dialog]");
        await dialog.Locator("#channel-name").FillAsync("Risk team hook");
        await dialog.Locator("#channel-target").FillAsync("hooks.example.test/risk");
        await page.ClickAsync("#channel-save");
        await Assertions.Expect(dialog.Locator("[data-testid=channel-target-field]")).ToContainTextAsync("is not an absolute http:// or https:// URL");
        await dialog.Locator("#channel-target").FillAsync("http://10.0.0.1/risk");
        await Assertions.Expect(dialog.Locator("[data-testid=channel-target-field]")).ToContainTextAsync("resolves to 10.0.0.1, a private-network address");
        await dialog.Locator("#channel-target").FillAsync(receiver.Url("/risk"));
        await page.ClickAsync("#channel-save");

        var secretDialog = page.Locator("[data-testid=secret-dialog]");
        await Assertions.Expect(secretDialog.Locator("[data-testid=secret-hint]")).ToContainTextAsync("it is not shown again");
        var secret = await secretDialog.Locator("#webhook-secret").InputValueAsync();
        Assert.StartsWith("whsec_", secret);
        await page.ClickAsync("#secret-done");
        await Assertions.Expect(secretDialog).ToHaveCountAsync(0);

        var row = page.Locator("#channels-table tbody tr", new() { HasText = "Risk team hook" });
        await Assertions.Expect(row).ToContainTextAsync("Nothing sent yet");
        await row.Locator("[data-testid=channel-test]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-testid=channel-last-delivery]")).ToContainTextAsync("Test delivered");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "Test to 'Risk team hook'" })).ToContainTextAsync("Delivered in");
        await Assertions.Expect(page.Locator("[data-testid=delivery-row]")).ToHaveCountAsync(1);
        var received = Assert.Single(receiver.Received);
        Assert.Equal("test", received.Event);
        received.Verify(secret);
    }
}
