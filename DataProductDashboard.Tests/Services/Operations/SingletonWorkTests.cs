using DataProductDashboard.Services.Operations;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DataProductDashboard.Tests.Services.Operations;

/// <summary>Two instances on one database share singleton work through one lease row.</summary>
[Trait(Providers.Trait, Providers.Both)]
public sealed class SingletonWorkTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(70);

    [Fact]
    public async Task TryHoldAsync_TwoInstances_OneHoldsAndRenews_TheOtherWaitsUntilTheLeaseRanOut()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        await using var h = await ServiceHarness.CreateAsync(clock: clock);
        var a = new SingletonWork(h.DbFactory, new InstanceIdentity(), clock, NullLogger<SingletonWork>.Instance);
        var b = new SingletonWork(h.DbFactory, new InstanceIdentity(), clock, NullLogger<SingletonWork>.Instance);

        Assert.True(await a.TryHoldAsync("retention sweep", Lease, default));
        Assert.False(await b.TryHoldAsync("retention sweep", Lease, default));
        Assert.True(await b.TryHoldAsync("timeliness check", Lease, default)); // another piece of work, another lease
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.True(await a.TryHoldAsync("retention sweep", Lease, default)); // renewed: 70 s from now
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.False(await b.TryHoldAsync("retention sweep", Lease, default));
        clock.Advance(TimeSpan.FromSeconds(11)); // a died: its lease ran out
        Assert.True(await b.TryHoldAsync("retention sweep", Lease, default));
        Assert.False(await a.TryHoldAsync("retention sweep", Lease, default));
    }

    [Fact]
    public async Task ReleaseAsync_HolderStops_AnotherInstanceTakesTheLeaseAtOnce()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        await using var h = await ServiceHarness.CreateAsync(clock: clock);
        var a = new SingletonWork(h.DbFactory, new InstanceIdentity(), clock, NullLogger<SingletonWork>.Instance);
        var b = new SingletonWork(h.DbFactory, new InstanceIdentity(), clock, NullLogger<SingletonWork>.Instance);
        Assert.True(await a.TryHoldAsync("follow-up repair", Lease, default));

        await b.ReleaseAsync("follow-up repair"); // not b's: nothing changes
        var stillHeld = await b.TryHoldAsync("follow-up repair", Lease, default);
        await a.ReleaseAsync("follow-up repair");

        Assert.False(stillHeld);
        Assert.True(await b.TryHoldAsync("follow-up repair", Lease, default));
    }

    [Fact]
    public async Task TryHoldAsync_HolderWasAProcessOfThisMachineThatIsGone_TakesTheLeaseAtOnce()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        await using var h = await ServiceHarness.CreateAsync(clock: clock);
        await using (var db = await h.DbFactory.CreateDbContextAsync())
        {
            db.BackgroundLeases.Add(new DataProductDashboard.Data.Entities.BackgroundLease
            {
                Name = "retention sweep", Owner = $"{Environment.MachineName}:{GonePid()}:deadbeef", ExpiresAt = clock.GetUtcNow().UtcDateTime.AddMinutes(5),
            });
            db.BackgroundLeases.Add(new DataProductDashboard.Data.Entities.BackgroundLease
            {
                Name = "timeliness check", Owner = "another-machine:4242:deadbeef", ExpiresAt = clock.GetUtcNow().UtcDateTime.AddMinutes(5),
            });
            await db.SaveChangesAsync();
        }
        var restarted = new SingletonWork(h.DbFactory, new InstanceIdentity(), clock, NullLogger<SingletonWork>.Instance);

        Assert.True(await restarted.TryHoldAsync("retention sweep", Lease, default));
        Assert.False(await restarted.TryHoldAsync("timeliness check", Lease, default)); // another machine's: it may be alive
    }

    [Fact]
    public void IsGoneFromThisMachine_ThisProcess_IsNot_AnEndedOne_Is_AnotherMachinesOrAForeignId_IsNot()
    {
        Assert.False(InstanceIdentity.IsGoneFromThisMachine(new InstanceIdentity().Id));
        Assert.True(InstanceIdentity.IsGoneFromThisMachine($"{Environment.MachineName}:{GonePid()}:0123abcd"));
        Assert.False(InstanceIdentity.IsGoneFromThisMachine($"not-{Environment.MachineName}:{GonePid()}:0123abcd"));
        Assert.False(InstanceIdentity.IsGoneFromThisMachine("no-process-id"));
    }

    /// <summary>The id of a process that ran and ended on this machine.</summary>
    private static int GonePid()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
