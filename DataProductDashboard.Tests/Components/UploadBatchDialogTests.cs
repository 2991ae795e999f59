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
        var batches = Service<BatchService>();
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
        var after = (await batches.ListAsync(data.RentalsId, 1, 10, BatchSort.ReceivedAt, true, CancellationToken.None)).TotalCount;
        Assert.Equal(before, after);
    }
}
