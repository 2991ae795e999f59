using Bunit;
using DataProductDashboard.Components.Layout;
using DataProductDashboard.Components.Pages.Alerts;
using DataProductDashboard.Components.Pages.Audit;
using DataProductDashboard.Components.Pages.Gates;
using DataProductDashboard.Components.Pages.Insights;
using DataProductDashboard.Components.Pages.Kpis;
using DataProductDashboard.Components.Pages.Portfolio;
using DataProductDashboard.Components.Pages.Products;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace DataProductDashboard.Tests.Components;

/// <summary>Every component that refreshes live ends its subscription with itself: once it is disposed (its circuit
/// closed), a change published before or after never reaches it, and nothing is logged. The throttle runs on a fake
/// clock, so a live control subscription proves it fired without waiting on the wall clock.</summary>
public sealed class LiveRefreshDisposalTests : BunitTestContext
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new(LogLevel.Trace);

    public static TheoryData<string> LiveComponents =>
        ["portfolio", "alerts", "digest", "alerts-badge", "overview", "gates", "kpis", "insights", "quality"];

    [Theory]
    [MemberData(nameof(LiveComponents))]
    public async Task Publish_ComponentDisposedDuringThrottle_LogsNothing(string component)
    {
        var (events, productId) = await RenderLoadedAsync(component);
        events.Publish(productId);

        await DisposeComponentsAsync();
        var logged = _logs.Entries.Count;
        var control = Control(events);
        events.Publish(productId);
        _clock.Advance(ProductEvents.Throttle);

        Assert.Equal(1, control.Calls);
        Assert.Equal(1, events.SubscriptionCount);
        Assert.Empty(_logs.Entries.Skip(logged));
    }

    [Theory]
    [MemberData(nameof(LiveComponents))]
    public async Task Publish_AfterComponentDisposed_LogsNothing(string component)
    {
        var (events, productId) = await RenderLoadedAsync(component);

        await DisposeComponentsAsync();
        var logged = _logs.Entries.Count;
        var control = Control(events);
        events.Publish(productId);
        _clock.Advance(ProductEvents.Throttle);

        Assert.Equal(1, control.Calls);
        Assert.Equal(1, events.SubscriptionCount);
        Assert.Empty(_logs.Entries.Skip(logged));
    }

    /// <summary>Renders <paramref name="component"/> on the seeded data and waits until it loaded and subscribed.</summary>
    private async Task<(ProductEvents Events, int ProductId)> RenderLoadedAsync(string component)
    {
        var data = await UiTestData.GetSeededAsync();
        UseData(data.Root, services =>
        {
            services.AddSingleton<ILoggerProvider>(_logs);
            services.AddSingleton(sp => new ProductEvents(_clock, sp.GetRequiredService<ILogger<ProductEvents>>()));
        });
        var events = Service<ProductEvents>();
        var id = data.RentalsId;
        switch (component)
        {
            case "portfolio":
                WaitFor(Render<PortfolioPage>(), "[data-testid=product-card]");
                break;
            case "alerts":
                WaitFor(Render<AlertsPage>(), "[data-testid=alerts-empty], [data-testid=alert-row]");
                break;
            case "digest":
                WaitFor(Render<DigestPage>(), $"[data-testid=digest-product-{id}]");
                break;
            case "alerts-badge":
                WaitFor(Render<AlertsBadge>(), "[data-testid=alerts-badge]");
                break;
            case "overview":
                WaitFor(Render<ProductOverview>(ps => ps.Add(p => p.ProductId, id)), "[data-testid=cycle-strip]");
                break;
            case "gates":
                WaitFor(Render<GatesPage>(ps => ps.Add(p => p.ProductId, id)), "[data-testid=gates-tabs]");
                break;
            case "kpis":
                WaitFor(Render<KpisPage>(ps => ps.Add(p => p.ProductId, id)), "[data-testid=kpi-list], [data-testid=kpis-empty-add], [data-testid=kpis-empty-reader]");
                break;
            case "insights":
                WaitFor(Render<InsightsPage>(ps => ps.Add(p => p.ProductId, id)), "[data-testid=insight-counts]");
                break;
            case "quality":
                WaitFor(Render<QualityPage>(ps => ps.Add(p => p.ProductId, id)), "[data-testid=quality-cards]");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown live component.");
        }
        Assert.Equal(1, events.SubscriptionCount);
        return (events, id);
    }

    private static void WaitFor<T>(IRenderedComponent<T> cut, string loaded) where T : IComponent =>
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(loaded)));

    private static Counter Control(ProductEvents events)
    {
        var counter = new Counter();
        events.Subscribe(null, () =>
        {
            counter.Calls++;
            return Task.CompletedTask;
        });
        return counter;
    }

    private sealed class Counter
    {
        public int Calls { get; set; }
    }
}
