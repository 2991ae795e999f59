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

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
