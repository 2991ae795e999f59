using DataProductDashboard.Domain;
using DataProductDashboard.Services.Alerts;
using DataProductDashboard.Services.Notifications;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace DataProductDashboard.Tests.Services;

public sealed class AlertServiceTests
{
    private static AlertService Create(ServiceHarness harness) =>
        new(harness.DbFactory, new NotificationOutbox(), harness.Events, harness.Clock, NullLogger<AlertService>.Instance);

    private static async Task<(ServiceHarness Harness, AlertService Alerts, int Alpha, int Beta, IReadOnlyList<int> Ids)> ArrangeAsync()
    {
        var harness = await ServiceHarness.CreateAsync();
        var beta = (await harness.CreateRegressionProductAsync("Beta", withModel: false)).Id;
        var alpha = (await harness.CreateRegressionProductAsync("Alpha", withModel: false)).Id;
        var ids = await AlertRows.InsertAsync(harness.DbFactory,
            AlertRows.New(beta, "b open warning", GateSeverity.Warning, AlertState.Open, count: 4, lastSeen: AlertRows.Now.AddHours(-1)),
            AlertRows.New(alpha, "a critical acknowledged", GateSeverity.Critical, AlertState.Acknowledged, count: 1, lastSeen: AlertRows.Now.AddHours(-2)),
            AlertRows.New(beta, "c critical resolved", GateSeverity.Critical, AlertState.Resolved, count: 9, lastSeen: AlertRows.Now),
            AlertRows.New(alpha, "d warning open", GateSeverity.Warning, AlertState.Open, count: 2, lastSeen: AlertRows.Now.AddHours(-3)));
        return (harness, Create(harness), alpha, beta, ids);
    }

    private static async Task<List<int>> IdsAsync(AlertService alerts, AlertFilter filter) =>
        (await alerts.ListAsync(filter, CancellationToken.None)).Items.Select(a => a.Id).ToList();

    [Fact]
    public async Task ListAsync_UnresolvedOnly_KeepsOpenAndAcknowledged()
    {
        var (harness, alerts, _, _, ids) = await ArrangeAsync();
        await using var owned = harness;

        var page = await alerts.ListAsync(new AlertFilter(UnresolvedOnly: true), CancellationToken.None);

        Assert.Equal(3, page.TotalCount);
        Assert.Equal([ids[0], ids[1], ids[3]], page.Items.Select(a => a.Id));
        Assert.Empty(await IdsAsync(alerts, new AlertFilter(State: AlertState.Resolved, UnresolvedOnly: true)));
    }

    [Fact]
    public async Task ListAsync_DefaultOrder_IsNewestLastSeenFirstWhateverTheState()
    {
        var (harness, alerts, _, _, ids) = await ArrangeAsync();
        await using var owned = harness;

        Assert.Equal([ids[2], ids[0], ids[1], ids[3]], await IdsAsync(alerts, new AlertFilter()));
        Assert.Equal([ids[3], ids[1], ids[0], ids[2]], await IdsAsync(alerts, new AlertFilter(Descending: false)));
    }

    [Fact]
    public async Task ListAsync_SortBySeverityOrState_UsesRankNotName()
    {
        var (harness, alerts, _, _, ids) = await ArrangeAsync();
        await using var owned = harness;

        // Critical first when descending; within a severity, newest last seen first.
        Assert.Equal([ids[2], ids[1], ids[0], ids[3]], await IdsAsync(alerts, new AlertFilter(Sort: AlertSort.Severity)));
        // Lifecycle order Open → Acknowledged → Resolved when ascending.
        Assert.Equal([ids[0], ids[3], ids[1], ids[2]], await IdsAsync(alerts, new AlertFilter(Sort: AlertSort.State, Descending: false)));
    }

    [Fact]
    public async Task ListAsync_SortByProductTitleCountFirstSeen_OrdersByThatColumn()
    {
        var (harness, alerts, _, _, ids) = await ArrangeAsync();
        await using var owned = harness;

        Assert.Equal([ids[1], ids[3], ids[2], ids[0]], await IdsAsync(alerts, new AlertFilter(Sort: AlertSort.Product, Descending: false)));
        Assert.Equal([ids[1], ids[0], ids[2], ids[3]], await IdsAsync(alerts, new AlertFilter(Sort: AlertSort.Title, Descending: false)));
        Assert.Equal([ids[2], ids[0], ids[3], ids[1]], await IdsAsync(alerts, new AlertFilter(Sort: AlertSort.Count)));
        // First seen = last seen − count hours: c −9 h, b −5 h, d −5 h (b seen more recently), a −3 h.
        Assert.Equal([ids[2], ids[0], ids[3], ids[1]], await IdsAsync(alerts, new AlertFilter(Sort: AlertSort.FirstSeen, Descending: false)));
    }

    [Fact]
    public async Task ListAsync_ProductSeverityAndPage_FilterAndSlice()
    {
        var (harness, alerts, alpha, _, ids) = await ArrangeAsync();
        await using var owned = harness;

        var page = await alerts.ListAsync(new AlertFilter(ProductId: alpha, Page: 2, PageSize: 1), CancellationToken.None);

        Assert.Equal(2, page.TotalCount);
        Assert.Equal([ids[3]], page.Items.Select(a => a.Id));
        Assert.Equal([ids[1]], await IdsAsync(alerts, new AlertFilter(ProductId: alpha, Severity: GateSeverity.Critical)));
        await Assert.ThrowsAsync<NotFoundException>(() => alerts.ListAsync(new AlertFilter(ProductId: 999), CancellationToken.None));
    }

    [Fact]
    public async Task ResolveAsync_NoteTooLong_ThrowsAndStoresNothing()
    {
        var (harness, alerts, _, _, ids) = await ArrangeAsync();
        await using var owned = harness;

        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            alerts.ResolveAsync(ids[0], new Actor("alice"), new string('x', AlertService.MaxNoteLength + 1), CancellationToken.None));
        var stored = await AlertRows.ReadAsync(harness.DbFactory, ids[0]);

        Assert.Contains("note", error.Errors.Keys);
        Assert.Equal(AlertState.Open, stored.State);
    }

    [Fact]
    public async Task AcknowledgeAsync_Open_RecordsWhoAndWhenAndTellsSubscribers()
    {
        var (harness, alerts, _, beta, ids) = await ArrangeAsync();
        await using var owned = harness;
        var told = new TaskCompletionSource();
        using var subscription = harness.Events.Subscribe(beta, () =>
        {
            told.TrySetResult();
            return Task.CompletedTask;
        });

        var acknowledged = await alerts.AcknowledgeAsync(ids[0], new Actor("alice"), CancellationToken.None);
        await told.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(AlertState.Acknowledged, acknowledged.State);
        Assert.Equal("alice", acknowledged.AcknowledgedBy);
        Assert.NotNull(acknowledged.AcknowledgedAt);
        Assert.Equal(1, await alerts.CountOpenAsync(null, CancellationToken.None));
    }

    [Theory]
    [InlineData(null, null, AlertState.Open, false, AlertStateFilter.Open)]
    [InlineData(AlertState.Open, true, null, true, AlertStateFilter.Unresolved)]
    [InlineData(AlertState.Open, false, null, false, AlertStateFilter.All)]
    [InlineData(null, true, AlertState.Resolved, false, AlertStateFilter.Resolved)]
    public void WithState_MapsTheChoiceOntoStateAndUnresolvedOnly(AlertState? before, bool? unresolvedBefore, AlertState? state, bool unresolved, AlertStateFilter choice)
    {
        var filter = new AlertFilter(State: before, UnresolvedOnly: unresolvedBefore ?? false).WithState(choice);

        Assert.Equal(state, filter.State);
        Assert.Equal(unresolved, filter.UnresolvedOnly);
    }
}
