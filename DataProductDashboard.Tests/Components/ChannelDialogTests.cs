using Bunit;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.TestSupport;
using MudBlazor;

namespace DataProductDashboard.Tests.Components;

public sealed class ChannelDialogTests : BunitTestContext
{
    private async Task<int> ShowDialogAsync()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var product = await Service<ProductService>().CreateAsync(new CreateProductRequest("Bike rental demand", "dialog test", "tests", TaskType.Regression,
            UiTestData.RentalsSchema), CancellationToken.None);
        await DialogProvider.InvokeAsync(() => Service<IDialogService>().ShowAsync<ChannelDialog>("Add a channel",
            new DialogParameters { [nameof(ChannelDialog.ProductId)] = product.Id }));
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=channel-dialog]")));
        return product.Id;
    }

    private string FieldText(string field) => DialogProvider.Find($"[data-testid=channel-{field}-field]").TextContent;

    [Fact]
    public async Task Save_MissingNameAndBadUrl_ShowsTheServiceMessagesUnderTheirFields()
    {
        var productId = await ShowDialogAsync();
        DialogProvider.Find("[data-testid=channel-target-field] input").Input("hooks.example.test/alerts");

        await DialogProvider.InvokeAsync(() => DialogProvider.Find("#channel-save").Click()); // found and clicked in one render

        DialogProvider.WaitForAssertion(() => Assert.Contains("'hooks.example.test/alerts' is not an absolute http:// or https:// URL.", FieldText("target")));
        Assert.Contains("A name is required.", FieldText("name"));
        Assert.NotNull(DialogProvider.Find("[data-testid=channel-dialog]"));
        Assert.Empty(await Service<NotificationChannelService>().ListAsync(productId, CancellationToken.None));
    }

    [Fact]
    public async Task Input_FixedAfterAnError_ClearsTheFieldMessage()
    {
        await ShowDialogAsync();
        DialogProvider.Find("[data-testid=channel-name-field] input").Input("Ops hook");
        DialogProvider.Find("[data-testid=channel-target-field] input").Input("ftp://hooks.example.test");
        await DialogProvider.InvokeAsync(() => DialogProvider.Find("#channel-save").Click()); // found and clicked in one render
        DialogProvider.WaitForAssertion(() => Assert.Contains("is not an absolute http:// or https:// URL", FieldText("target")));

        DialogProvider.Find("[data-testid=channel-target-field] input").Input("https://hooks.example.test/alerts");

        DialogProvider.WaitForAssertion(() => Assert.DoesNotContain("is not an absolute", FieldText("target")));
    }

    [Fact]
    public async Task Save_EmailWithABadAddress_ShowsWhichAddressAndValidOnesSave()
    {
        var productId = await ShowDialogAsync();
        DialogProvider.Find("[data-testid=channel-name-field] input").Input("Owners");
        DialogProvider.Find("input[data-testid=channel-kind-email]").Click();
        DialogProvider.Find("[data-testid=channel-target-field] input").Input("owner@example.test, pm.example.test");
        await DialogProvider.InvokeAsync(() => DialogProvider.Find("#channel-save").Click()); // found and clicked in one render
        DialogProvider.WaitForAssertion(() => Assert.Contains("'pm.example.test' is not an e-mail address.", FieldText("target")));

        DialogProvider.Find("[data-testid=channel-target-field] input").Input("owner@example.test, pm@example.test");
        await DialogProvider.InvokeAsync(() => DialogProvider.Find("#channel-save").Click()); // found and clicked in one render

        DialogProvider.WaitForAssertion(() => Assert.Empty(DialogProvider.FindAll("[data-testid=channel-dialog]")));
        var saved = Assert.Single(await Service<NotificationChannelService>().ListAsync(productId, CancellationToken.None));
        Assert.Equal(("Owners", ChannelKind.Email, "owner@example.test, pm@example.test"), (saved.Name, saved.Kind, saved.Target));
    }
}
