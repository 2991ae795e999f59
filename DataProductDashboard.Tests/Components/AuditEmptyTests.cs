using Bunit;
using DataProductDashboard.Components.Pages.Audit;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Components;

public sealed class AuditEmptyTests : BunitTestContext
{
    [Theory]
    [InlineData("no-audit", "audit-empty-reference", "This model version has no reference data")]
    [InlineData("no-labels", "audit-empty-labels", "No labels yet")]
    [InlineData("no-batches", "audit-empty-batches", "No batches yet")]
    public async Task Render_Kind_ShowsItsExplanation(string kind, string testId, string title)
    {
        UseData(await UiTestData.CreateEmptyAsync());

        var cut = Render<AuditEmpty>(ps => ps.Add(p => p.Kind, kind).Add(p => p.ProductId, 3));

        Assert.Contains(title, cut.Find($"[data-testid={testId}]").TextContent);
    }
}
