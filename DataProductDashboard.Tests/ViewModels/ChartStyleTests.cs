using DataProductDashboard.ViewModels.Charts;
using Plotly.Blazor.LayoutLib;
using XAutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag;
using YAutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag;

namespace DataProductDashboard.Tests.ViewModels;

public sealed class ChartStyleTests
{
    [Fact]
    public void FitAxisTitles_TitledAxes_AutoMarginOnAndTitlesStandOffFromTheTicks()
    {
        var layout = ChartStyle.BaseLayout(300, legend: false);
        layout.XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "mnth (value)" } }];
        layout.YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "Rows" } }, new YAxis { Overlaying = "y" }];

        ChartStyle.FitAxisTitles(layout);

        Assert.Equal(XAutoMargin.True, layout.XAxis[0].AutoMargin);
        Assert.Equal(ChartStyle.TitleStandoff, layout.XAxis[0].Title.Standoff);
        Assert.All(layout.YAxis, y => Assert.Equal(YAutoMargin.True, y.AutoMargin));
        Assert.Equal(ChartStyle.TitleStandoff, layout.YAxis[0].Title.Standoff);
        Assert.Null(layout.YAxis[1].Title);
    }

    [Fact]
    public void FitAxisTitles_StandoffAlreadySet_KeepsIt()
    {
        var layout = ChartStyle.BaseLayout(300, legend: false);
        layout.XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "x", Standoff = 30 } }];

        ChartStyle.FitAxisTitles(layout);

        Assert.Equal(30, layout.XAxis[0].Title.Standoff);
    }

    [Fact]
    public void Figure_AnyBuilderLayout_AxisTitlesFitted()
    {
        var layout = ChartStyle.BaseLayout(300, legend: false);
        layout.XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "x" } }];

        var figure = ChartStyle.Figure([], layout, isEmpty: true);

        Assert.Equal(XAutoMargin.True, figure.Layout.XAxis[0].AutoMargin);
        Assert.True(figure.IsEmpty);
    }
}
