using Bunit;
using DataProductDashboard.Components.Pages.Products;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace DataProductDashboard.Tests.Components;

public sealed class NewProductPageTests : BunitTestContext
{
    private const string Sample = "order_id,placed,amount,channel,returned\n" +
        "o1,2024-05-01,12.5,web,no\no2,2024-05-01,NA,shop,yes\no3,2024-05-02,7,web,no\no4,2024-05-02,3.25,?,no\no5,2024-05-03,40,shop,no\n";

    [Fact]
    public async Task ChooseSample_ShowsTheProposalAndCreate_MakesTheProductAndOpensItsModels()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        _ = PopoverProvider;
        var cut = Render<NewProductPage>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Sample, "orders.csv"));

        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=wizard-column]").Count));
        Assert.Equal("1 (NA 1)", cut.Find("[data-column=amount] [data-testid=wizard-missing]").TextContent.Trim());
        Assert.Equal("1 (? 1)", cut.Find("[data-column=channel] [data-testid=wizard-missing]").TextContent.Trim());
        Assert.Contains("binary classification with 'yes' as the positive class", cut.Find("[data-testid=wizard-notes]").TextContent);
        Assert.Equal(5, cut.FindAll("[data-testid=wizard-preview] tbody tr").Count);
        Assert.Contains("default gates", cut.Find("[data-testid=wizard-product]").TextContent);

        cut.Find("#wizard-create").Click();

        cut.WaitForAssertion(() => Assert.EndsWith("/models", Service<NavigationManager>().Uri));
        var product = (await Service<ProductService>().ListAsync(CancellationToken.None)).Single();
        Assert.Equal("orders", product.Name);
        var detail = await Service<ProductService>().GetAsync(product.Id, CancellationToken.None);
        Assert.Equal(TaskType.BinaryClassification, detail.Task);
        Assert.Equal("yes", detail.Schema.PositiveClass);
        Assert.Equal(["NA", "?"], detail.Schema.MissingMarkers!);
        Assert.Equal("order_id", detail.Schema.RowKey?.Name);
        Assert.Equal("placed", detail.Schema.EventTime?.Name);
        Assert.Null(detail.Schema.Find("channel")!.AllowedValues);
        Assert.EndsWith($"/products/{product.Id}/models", Service<NavigationManager>().Uri);
    }

    [Fact]
    public async Task ChooseSample_YearMonthDayHour_ShowsTheComposedColumnAndCreateCarriesIt()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var cut = Render<NewProductPage>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(TestSchemas.Pm25Csv(60, seed: 4), "air.csv"));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-column=event_time]")));
        var row = cut.Find("[data-column=event_time]");
        Assert.Equal("true", row.GetAttribute("data-composed"));
        Assert.Contains("Timestamp", row.TextContent);
        Assert.Contains("EventTime", row.TextContent);
        Assert.Equal("from year, month, day, hour", cut.Find("[data-testid=wizard-composed-of]").TextContent.Trim());
        Assert.Contains("2010-01-01 00:00", row.TextContent);
        Assert.Contains("composed", cut.Find("[data-testid=wizard-event-time]").TextContent);
        Assert.Equal(13, cut.FindAll("[data-testid=wizard-preview] thead th").Count); // the sample's own columns, as its cells
        Assert.Contains("seasonality", cut.Find("[data-testid=wizard-notes]").TextContent);

        cut.Find("#wizard-create").Click();

        cut.WaitForAssertion(() => Assert.EndsWith("/models", Service<NavigationManager>().Uri));
        var product = (await Service<ProductService>().ListAsync(CancellationToken.None)).Single();
        var detail = await Service<ProductService>().GetAsync(product.Id, CancellationToken.None);
        Assert.Equal(["year", "month", "day", "hour"], detail.Schema.EventTime!.ComposedOf!);
        Assert.Equal("event_time", detail.Schema.EventTime.Name);
        Assert.Equal(ColumnRole.Feature, detail.Schema.Find("hour")!.Role);
    }

    [Fact]
    public async Task RemoveComposedColumn_CreatesAProductWithoutEventTimeAndSaysArrivalTimeIsUsed()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var cut = Render<NewProductPage>();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(TestSchemas.Pm25Csv(60, seed: 4), "air.csv"));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=wizard-remove-composed]")));

        cut.Find("[data-testid=wizard-remove-composed]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-column=event_time]")));
        Assert.Equal("No event-time column: arrival time is used (each batch's rows are timed when it arrives).", cut.Find("[data-testid=wizard-event-time]").TextContent.Trim());
        cut.Find("#wizard-create").Click();
        cut.WaitForAssertion(() => Assert.EndsWith("/models", Service<NavigationManager>().Uri));
        var product = (await Service<ProductService>().ListAsync(CancellationToken.None)).Single();
        var detail = await Service<ProductService>().GetAsync(product.Id, CancellationToken.None);
        Assert.Null(detail.Schema.EventTime);
        Assert.NotNull(detail.Schema.Find("year"));
    }

    [Fact]
    public async Task ChooseSample_HeaderlessFile_SaysWhatWasSeenAndCreatesNothing()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var cut = Render<NewProductPage>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("39,State-gov,77516\n50,Private,83311\n", "adult.data"));

        cut.WaitForAssertion(() => Assert.Contains("looks like data, not column names", cut.Find("[data-testid=dialog-error]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=wizard-columns]"));
        Assert.Empty(await Service<ProductService>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Create_LimitToSampleValues_WritesTheSeenCategories()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var cut = Render<NewProductPage>();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Sample, "orders.csv"));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-column=channel] input[type=checkbox]")));

        cut.FindAll("[data-column=channel] input[type=checkbox]").Last().Change(true);
        cut.Find("#wizard-create").Click();

        cut.WaitForAssertion(() => Assert.EndsWith("/models", Service<NavigationManager>().Uri));
        var product = (await Service<ProductService>().ListAsync(CancellationToken.None)).Single();
        var detail = await Service<ProductService>().GetAsync(product.Id, CancellationToken.None);
        Assert.Equal(["shop", "web"], detail.Schema.Find("channel")!.AllowedValues!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Create_RegressionWithALabelUnit_WritesTheUnitIntoTheSchema()
    {
        const string rentals = "id,hr,temp,cnt\nr1,1,0.2,40\nr2,2,0.3,55\nr3,3,0.1,31\nr4,4,0.5,72\nr5,5,0.4,66\nr6,6,0.2,48\n";
        UseData(await UiTestData.CreateEmptyAsync());
        var cut = Render<NewProductPage>();
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(rentals, "rentals.csv"));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("input[data-testid=wizard-label-unit]")));

        cut.Find("input[data-testid=wizard-label-unit]").Change("rentals");
        cut.Find("#wizard-create").Click();

        cut.WaitForAssertion(() => Assert.EndsWith("/models", Service<NavigationManager>().Uri));
        var product = (await Service<ProductService>().ListAsync(CancellationToken.None)).Single();
        var detail = await Service<ProductService>().GetAsync(product.Id, CancellationToken.None);
        Assert.Equal(TaskType.Regression, detail.Task);
        Assert.Equal("rentals", detail.Schema.LabelUnit);
    }

    [Fact]
    public async Task ChooseSample_Classification_OffersNoLabelUnit()
    {
        UseData(await UiTestData.CreateEmptyAsync());
        var cut = Render<NewProductPage>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(Sample, "orders.csv"));

        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=wizard-column]").Count));
        Assert.Empty(cut.FindAll("[data-testid=wizard-label-unit]"));
    }
}
