using Bunit;
using DataProductDashboard.Components.Shared;
using DataProductDashboard.Tests.TestSupport;
using DataProductDashboard.ViewModels.Time;
using MudBlazor.Services;

namespace DataProductDashboard.Tests.Components;

public sealed class TimeRangeControlTests : BunitTestContext
{
    private static readonly TimeWindow Window = new(new DateTime(2012, 10, 3, 0, 0, 0, DateTimeKind.Utc), new DateTime(2013, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    public TimeRangeControlTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void Render_DefaultRange_MarksLast90DaysAndSaysTheDays()
    {
        var cut = Render<TimeRangeControl>(ps => ps.Add(p => p.Range, TimeRange.Default).Add(p => p.Window, Window));

        Assert.Equal(["7d", "30d", "90d", "all", "custom"],
            cut.FindAll("[data-testid^=range-][data-selected]").Select(c => c.GetAttribute("data-testid")!["range-".Length..]));
        Assert.Equal("true", cut.Find("[data-testid=range-90d]").GetAttribute("data-selected"));
        Assert.Equal("false", cut.Find("[data-testid=range-all]").GetAttribute("data-selected"));
        Assert.Contains("2012-10-03 – 2012-12-31 (UTC), up to the newest batch", cut.Find("[data-testid=range-window]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=time-event]"));
    }

    [Fact]
    public void ClickPreset_RaisesThatRange()
    {
        TimeRange? chosen = null;
        var cut = Render<TimeRangeControl>(ps => ps.Add(p => p.Range, TimeRange.Default).Add(p => p.RangeChanged, r => chosen = r));

        cut.Find("[data-testid=range-7d]").Click();

        Assert.Equal(new TimeRange(TimeRangePreset.Last7Days), chosen);
    }

    [Fact]
    public void Custom_TypedDays_RaiseACustomRange()
    {
        TimeRange? chosen = null;
        var cut = Render<TimeRangeControl>(ps => ps.Add(p => p.Range, TimeRange.Default).Add(p => p.Window, Window).Add(p => p.RangeChanged, r => chosen = r));

        cut.Find("[data-testid=range-custom]").Click();
        // The form opens on the days now shown.
        Assert.Equal("2012-10-03", cut.Find("#range-from").GetAttribute("value"));
        Assert.Equal("2012-12-31", cut.Find("#range-to").GetAttribute("value"));
        cut.Find("#range-from").Change("2012-01-02");
        cut.Find("#range-to").Change("2012-03-04");
        cut.Find("[data-testid=range-apply]").Click();

        Assert.Equal(new TimeRange(TimeRangePreset.Custom, new DateOnly(2012, 1, 2), new DateOnly(2012, 3, 4)), chosen);
        Assert.Empty(cut.FindAll("[data-testid=range-custom-form]"));
    }

    [Fact]
    public void Render_CustomRange_TheCustomChipSaysItsDays()
    {
        var cut = Render<TimeRangeControl>(ps => ps.Add(p => p.Range, TimeRange.Parse(null, "2012-01-02", "2012-03-04")));

        var chip = cut.Find("[data-testid=range-custom]");
        Assert.Equal("true", chip.GetAttribute("data-selected"));
        Assert.Contains("2012-01-02 → 2012-03-04", chip.TextContent);
        Assert.Equal("false", cut.Find("[data-testid=range-90d]").GetAttribute("data-selected"));
    }

    [Fact]
    public void EventTime_ProductWithEventTimes_OffersTheAxisChoice()
    {
        TimeBasis? chosen = null;
        var cut = Render<TimeRangeControl>(ps => ps.Add(p => p.Range, TimeRange.All).Add(p => p.HasEventTime, true)
            .Add(p => p.Basis, TimeBasis.Arrival).Add(p => p.BasisChanged, b => chosen = b));

        Assert.Equal("true", cut.Find("[data-testid=time-arrival]").GetAttribute("data-selected"));
        cut.Find("[data-testid=time-event]").Click();

        Assert.Equal(TimeBasis.Event, chosen);
    }
}
