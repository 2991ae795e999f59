using DataProductDashboard.Data.Entities;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Batches;
using DataProductDashboard.Services.FollowUps;
using DataProductDashboard.Services.Gates;
using DataProductDashboard.Services.Jobs;
using DataProductDashboard.Services.Trail;
using DataProductDashboard.Storage;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Tests.Services;

/// <summary>Jobs and follow-up work survive a stop: what was interrupted runs again from its stored input, at most
/// once to success, and what cannot run is failed with the reason.</summary>
[Trait(Providers.Trait, Providers.Both)]
public sealed class DurableJobsTests
{
    private static readonly Actor Pm = new("pm");

    [Fact]
    public async Task Recover_JobInterruptedWhileRunning_RunsAgainFromItsStoredFileAndStoresOneBatch()
    {
        await using var h = await ServiceHarness.CreateAsync(backgroundBatchRows: 100);
        var product = await h.CreateRegressionProductAsync();
        var job = await QueueImportAsync(h, product.Id, rows: 150);
        // The process died while the job ran: its row says Running, one attempt used, nothing committed.
        await SetAsync(h, job.Id, JobState.Running, attempts: 1);

        var done = await h.RunJobAsync(job.Id);

        Assert.Equal(JobState.Succeeded, done.State);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(1, await h.CountAsync(db => db.Batches.Where(b => b.JobId == job.Id)));
        Assert.Equal(150, await h.CountAsync(db => db.Predictions));
        Assert.Equal(job.CreatedAt, (await h.Batches.GetSummaryAsync(done.BatchId!.Value, default)).ReceivedAt);
    }

    [Fact]
    public async Task Recover_JobInterruptedAsOftenAsAllowed_IsFailedWithTheReasonAndStoresNothing()
    {
        await using var h = await ServiceHarness.CreateAsync(backgroundBatchRows: 100);
        var product = await h.CreateRegressionProductAsync();
        var job = await QueueImportAsync(h, product.Id, rows: 150);
        await SetAsync(h, job.Id, JobState.Running, attempts: h.Options.Value.JobMaxAttempts);

        await h.NewJobRunner().RecoverAsync(default);

        var failed = (await h.Jobs.GetAsync(job.Id, default))!;
        Assert.Equal(JobState.Failed, failed.State);
        Assert.Contains("stopped while this job ran, 3 times", failed.Error);
        Assert.Equal(0, await h.CountAsync(db => db.Batches));
    }

    [Fact]
    public async Task Run_JobWhoseBatchWasAlreadyCommitted_DoesNotImportItAgain()
    {
        await using var h = await ServiceHarness.CreateAsync(backgroundBatchRows: 100);
        var product = await h.CreateRegressionProductAsync();
        var job = await QueueImportAsync(h, product.Id, rows: 150);
        var first = await h.RunJobAsync(job.Id);
        // As if the success were lost: the job is queued again though its batch is stored.
        await SetAsync(h, job.Id, JobState.Queued, attempts: 1);

        var again = await h.RunJobAsync(job.Id);

        Assert.Equal(JobState.Succeeded, again.State);
        Assert.Equal(first.BatchId, again.BatchId);
        Assert.Equal(1, await h.CountAsync(db => db.Batches));
        Assert.Equal(150, await h.CountAsync(db => db.Predictions));
    }

    [Fact]
    public async Task Run_StoredInputMissing_FailsNamingTheFile()
    {
        await using var h = await ServiceHarness.CreateAsync(backgroundBatchRows: 100);
        var product = await h.CreateRegressionProductAsync();
        var job = await QueueImportAsync(h, product.Id, rows: 150);
        // Gone from the data directory and from the database's copy (the default on PostgreSQL).
        await using (var db = await h.DbFactory.CreateDbContextAsync())
        {
            var hash = await db.Jobs.Where(j => j.Id == job.Id).Select(j => j.InputHash).SingleAsync();
            Assert.True(await h.Store.DeleteAsync(ContentStore.Batches, hash, ".csv", default));
        }

        var done = await h.RunJobAsync(job.Id);

        Assert.Equal(JobState.Failed, done.State);
        Assert.Contains("big.csv", done.Error);
        Assert.Equal(0, await h.CountAsync(db => db.Batches));
    }

    [Fact]
    public async Task FollowUpWorker_FollowUpInterruptedAfterTheCommit_IsDoneOnceAndTheBatchIsNoLongerPending()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        await h.Gates.CreateAsync(product.Id, new GateRuleInput(GateScope.Batch, "batch.rows", null, GateCondition.Gte, 1, GateSeverity.Warning), Pm, default);
        await h.Gates.CreateAsync(product.Id, new GateRuleInput(GateScope.Batch, "drift.share", null, GateCondition.Lt, 0.5, GateSeverity.Critical), Pm, default);
        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(60, withLabel: false)), "b.csv", BatchSource.Api);
        Assert.Equal(BatchSummary.FollowUpDone, batch.FollowUp);
        // The app stopped between the commit and the follow-up: nothing of the follow-up is stored.
        await using (var db = await h.DbFactory.CreateDbContextAsync())
        {
            await db.GateEvaluations.Where(e => e.BatchId == batch.Id).ExecuteDeleteAsync();
            await db.FollowUps.ExecuteUpdateAsync(s => s.SetProperty(f => f.DoneAt, (DateTime?)null).SetProperty(f => f.CreatedAt, DateTime.UtcNow.AddMinutes(-5)));
            await db.Batches.ExecuteUpdateAsync(s => s.SetProperty(b => b.FollowUpPending, true));
        }
        Assert.Equal(BatchSummary.FollowUpPending, (await h.Batches.GetDetailAsync(batch.Id, default)).FollowUp);
        var worker = new FollowUpWorker(h.DbFactory, h.FollowUps, h.Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<FollowUpWorker>.Instance, h.Get<DataProductDashboard.Services.Operations.SingletonWork>());

        Assert.Equal(1, await worker.RunPendingAsync(default));
        Assert.Equal(0, await worker.RunPendingAsync(default));

        Assert.Equal(2, await h.CountAsync(db => db.GateEvaluations.Where(e => e.BatchId == batch.Id)));
        Assert.Equal(BatchSummary.FollowUpDone, (await h.Batches.GetDetailAsync(batch.Id, default)).FollowUp);
    }

    [Fact]
    public async Task Labels_Joined_RecordTheirFollowUpAndLeaveNothingPending()
    {
        await using var h = await ServiceHarness.CreateAsync();
        var product = await h.CreateRegressionProductAsync();
        var batch = await h.Importer.ImportAsync(product.Id, TestSchemas.Utf8(TestSchemas.RegressionCsv(20, withLabel: false)), "b.csv", BatchSource.Api);

        await h.Labels.UploadAsync(product.Id, TestSchemas.Utf8("id,cnt\nr1,10\nr2,11\n"), "labels.csv", default);

        var followUps = await h.CountAsync(db => db.FollowUps.Where(f => f.Kind == FollowUpKind.LabelsJoined && f.DoneAt != null));
        Assert.Equal(1, followUps);
        Assert.Equal(BatchSummary.FollowUpDone, (await h.Batches.GetSummaryAsync(batch.Id, default)).FollowUp);
    }

    [Fact]
    public async Task Slots_MoreWaitersThanTheQueueHolds_RefuseRequestsButLetJobsWait()
    {
        await using var h = await ServiceHarness.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Dashboard:MaxConcurrentImports"] = "1", ["Dashboard:MaxQueuedImports"] = "1",
        });
        var slots = h.Get<ImportSlots>();
        var running = await slots.AcquireAsync(10, mayRefuse: true, default);
        var waiting = slots.AcquireAsync(10, mayRefuse: true, default);

        var refused = await Assert.ThrowsAsync<ServiceBusyException>(() => slots.AcquireAsync(10, mayRefuse: true, default));
        var job = slots.AcquireAsync(10, mayRefuse: false, default);

        Assert.Equal(503, refused.StatusCode);
        Assert.True(refused.RetryAfter > TimeSpan.Zero);
        Assert.False(waiting.IsCompleted);
        running.Dispose();
        (await waiting).Dispose();
        (await job).Dispose();
        Assert.Equal(0, slots.Running);
    }

    [Fact]
    public async Task Slots_LargeFileBeyondTheMemoryBudget_WaitsUntilTheOthersAreDone()
    {
        await using var h = await ServiceHarness.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Dashboard:MaxConcurrentImports"] = "4", ["Dashboard:ImportMemoryBudgetMegabytes"] = "100",
        });
        var slots = h.Get<ImportSlots>();
        var small = await slots.AcquireAsync(30L << 20, mayRefuse: true, default);

        var large = slots.AcquireAsync(90L << 20, mayRefuse: true, default);
        var later = slots.AcquireAsync(1L << 20, mayRefuse: true, default);

        Assert.False(large.IsCompleted);
        Assert.False(later.IsCompleted); // first come, first served: the small one does not overtake the large one
        small.Dispose();
        (await large).Dispose();
        (await later).Dispose();
    }

    [Fact]
    public async Task Recover_RunningUnderAnotherInstancesLiveLease_LeavesTheJobToIt()
    {
        await using var h = await ServiceHarness.CreateAsync(backgroundBatchRows: 100);
        var product = await h.CreateRegressionProductAsync();
        var job = await QueueImportAsync(h, product.Id, rows: 150);
        var now = h.Clock.GetUtcNow().UtcDateTime;
        await SetLeaseAsync(h, job.Id, "other-instance", now.AddSeconds(20));

        await h.NewJobRunner().RecoverAsync(default);

        var stored = await StoredJobAsync(h, job.Id);
        Assert.Equal(JobState.Running, stored.State);
        Assert.Equal("other-instance", stored.LeaseOwner);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task Recover_LeaseOfADeadInstanceRanOut_QueuesTheJobAgainAndRunsItOnce()
    {
        await using var h = await ServiceHarness.CreateAsync(backgroundBatchRows: 100);
        var product = await h.CreateRegressionProductAsync();
        var job = await QueueImportAsync(h, product.Id, rows: 150);
        await SetLeaseAsync(h, job.Id, "dead-instance", h.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1));

        await h.NewJobRunner().RecoverAsync(default);
        var queued = await StoredJobAsync(h, job.Id);
        var done = await h.RunJobAsync(job.Id);

        Assert.Equal(JobState.Queued, queued.State);
        Assert.Null(queued.LeaseOwner);
        Assert.Null(queued.LeaseExpiresAt);
        Assert.Equal(JobState.Succeeded, done.State);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(1, await h.CountAsync(db => db.Batches.Where(b => b.JobId == job.Id)));
        var finished = await StoredJobAsync(h, job.Id);
        Assert.Null(finished.LeaseOwner);
    }

    [Fact]
    public async Task Claim_TwoInstancesAtOnce_ExactlyOneGetsTheJobWithItsLease()
    {
        await using var h = await ServiceHarness.CreateAsync(backgroundBatchRows: 100);
        var product = await h.CreateRegressionProductAsync();
        var job = await QueueImportAsync(h, product.Id, rows: 150);
        var now = h.Clock.GetUtcNow().UtcDateTime;

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await Task.Yield();
            await using var db = await h.DbFactory.CreateDbContextAsync();
            return await DataProductDashboard.Data.JobClaims.ClaimAsync(db, job.Id, $"instance-{i}", now, TimeSpan.FromSeconds(30), default);
        }));

        var winner = Assert.Single(claims, c => c is not null)!;
        Assert.Equal(JobState.Running, winner.State);
        Assert.Equal(1, winner.Attempts);
        Assert.Equal(now.AddSeconds(30), winner.LeaseExpiresAt);
        Assert.Equal(winner.LeaseOwner, (await StoredJobAsync(h, job.Id)).LeaseOwner);
    }

    private static async Task SetLeaseAsync(ServiceHarness h, Guid jobId, string owner, DateTime expires)
    {
        await using var db = await h.DbFactory.CreateDbContextAsync();
        await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running).SetProperty(j => j.Attempts, 1)
            .SetProperty(j => j.LeaseOwner, owner).SetProperty(j => j.LeaseExpiresAt, expires));
    }

    private static async Task<Job> StoredJobAsync(ServiceHarness h, Guid jobId)
    {
        await using var db = await h.DbFactory.CreateDbContextAsync();
        return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
    }

    private static async Task<JobStatus> QueueImportAsync(ServiceHarness h, int productId, int rows)
    {
        using var file = await h.UploadAsync(TestSchemas.RegressionCsv(rows, withLabel: false), "big.csv");
        var result = await h.Intake.SubmitAsync(productId, file, BatchSource.Api, allowDuplicate: false, null, default);
        return result.Job!;
    }

    private static async Task SetAsync(ServiceHarness h, Guid jobId, JobState state, int attempts)
    {
        await using var db = await h.DbFactory.CreateDbContextAsync();
        await db.Jobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, state).SetProperty(j => j.Attempts, attempts));
    }
}
