using Bunit;
using DataProductDashboard.Components.Dialogs;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace DataProductDashboard.Tests.Components;

public sealed class UploadBatchDialogTests : BunitTestContext
{
    [Fact]
    public async Task Submit_CsvWithBadCell_ShowsRowColumnErrorAndStoresNothing()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        var batches = Service<BatchQueries>();
        var before = (await batches.ListAsync(data.RentalsId, 1, 10, BatchSort.ReceivedAt, true, CancellationToken.None)).TotalCount;

        await DialogProvider.InvokeAsync(() => Service<IDialogService>().ShowAsync<UploadBatchDialog>("Upload a batch", new DialogParameters
        {
            [nameof(UploadBatchDialog.ProductId)] = data.RentalsId,
            [nameof(UploadBatchDialog.ExpectedColumns)] = new List<string> { "id", "hr", "temp" },
        }));
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=upload-batch-dialog]")));
        DialogProvider.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(UiTestData.BatchCsv(5, 9000, badTempRow: 3), "bad.csv"));
        DialogProvider.WaitForAssertion(() => Assert.Contains("bad.csv", DialogProvider.Find("[data-testid=batch-file-name]").TextContent));
        DialogProvider.Find("#upload-batch-submit").Click();

        DialogProvider.WaitForAssertion(() => Assert.Contains("row 4, column 'temp'", DialogProvider.Find("[data-testid=dialog-error-list]").TextContent));
        Assert.NotNull(DialogProvider.Find("[data-testid=upload-batch-dialog]"));
        var alert = DialogProvider.Find("[data-testid=dialog-error]").TextContent;
        Assert.Equal("The file was rejected: 1 problem", DialogProvider.Find("[data-testid=dialog-error-heading]").TextContent.Trim());
        Assert.Equal(1, CountOf(alert, "is not a number"));
        Assert.Contains("bad.csv", DialogProvider.Find("[data-testid=dialog-error-hint]").TextContent);
        // The picker clears itself after the error is shown.
        DialogProvider.WaitForAssertion(() => Assert.Empty(DialogProvider.FindAll("[data-testid=batch-file-name]")));
        DialogProvider.WaitForAssertion(() => Assert.True(DialogProvider.Find("#upload-batch-submit").HasAttribute("disabled")));
        var after = (await batches.ListAsync(data.RentalsId, 1, 10, BatchSort.ReceivedAt, true, CancellationToken.None)).TotalCount;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task ChooseFile_AfterRejectedFile_ReplacesItAndClearsTheError()
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root);
        await DialogProvider.InvokeAsync(() => Service<IDialogService>().ShowAsync<UploadBatchDialog>("Upload a batch", new DialogParameters
        {
            [nameof(UploadBatchDialog.ProductId)] = data.RentalsId,
        }));
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=upload-batch-dialog]")));
        DialogProvider.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(UiTestData.BatchCsv(5, 9000, badTempRow: 2), "bad.csv"));
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=batch-file-name]")));
        DialogProvider.Find("#upload-batch-submit").Click();
        DialogProvider.WaitForAssertion(() => Assert.NotNull(DialogProvider.Find("[data-testid=dialog-error-list]")));
        DialogProvider.WaitForAssertion(() => Assert.Empty(DialogProvider.FindAll("[data-testid=batch-file-name]")));

        DialogProvider.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(UiTestData.BatchCsv(5, 9100), "fixed.csv"));

        DialogProvider.WaitForAssertion(() => Assert.Contains("fixed.csv", DialogProvider.Find("[data-testid=batch-file-name]").TextContent));
        DialogProvider.WaitForAssertion(() => Assert.Empty(DialogProvider.FindAll("[data-testid=dialog-error]")));
        Assert.False(DialogProvider.Find("#upload-batch-submit").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Submit_FileAlreadyStored_WarnsNamingTheBatchAndUploadsOnlyWhenAskedTo()
    {
        var root = await UiTestData.CreateEmptyAsync();
        UseData(root);
        var product = await Service<DataProductDashboard.Services.Products.ProductService>().CreateAsync(new DataProductDashboard.Services.Products.CreateProductRequest(
            "Duplicates", null, null, DataProductDashboard.Domain.TaskType.Regression, UiTestData.RentalsSchema), default);
        await Service<DataProductDashboard.Services.Models.ModelRegistryService>().TrainAsync(product.Id, System.Text.Encoding.UTF8.GetBytes(UiTestData.TrainingCsv(60)),
            "training.csv", new DataProductDashboard.Services.Models.TrainModelRequest(DataProductDashboard.Domain.TrainerKind.FastTree), default);
        var csv = UiTestData.BatchCsv(8, 7000);
        var stored = await Service<BatchImporter>().ImportAsync(product.Id, System.Text.Encoding.UTF8.GetBytes(csv), "monday.csv", DataProductDashboard.Domain.BatchSource.Api);
        var batches = Service<BatchQueries>();
        IDialogReference? dialog = null;
        await DialogProvider.InvokeAsync(async () => dialog = await Service<IDialogService>().ShowAsync<UploadBatchDialog>("Upload a batch", new DialogParameters
        {
            [nameof(UploadBatchDialog.ProductId)] = product.Id,
        }));
        DialogProvider.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "monday-again.csv"));
        DialogProvider.WaitForAssertion(() => Assert.Contains("monday-again.csv", DialogProvider.Find("[data-testid=batch-file-name]").TextContent));
        DialogProvider.Find("#upload-batch-submit").Click();

        DialogProvider.WaitForAssertion(() => Assert.Contains($"batch #{stored.Number} (id {stored.Id},", DialogProvider.Find("[data-testid=upload-duplicate]").TextContent));
        Assert.DoesNotContain("allowDuplicate", DialogProvider.Find("[data-testid=upload-duplicate]").TextContent);
        Assert.Equal(1, (await batches.ListAsync(product.Id, 1, 10, BatchSort.ReceivedAt, true, default)).TotalCount);
        DialogProvider.Find("[data-testid=upload-batch-anyway]").Click();

        var result = await dialog!.Result.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(result!.Canceled);
        Assert.Equal(2, (await batches.ListAsync(product.Id, 1, 10, BatchSort.ReceivedAt, true, default)).TotalCount);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
