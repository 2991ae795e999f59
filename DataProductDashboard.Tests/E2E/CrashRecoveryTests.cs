using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Bench;
using Xunit.Abstractions;

namespace DataProductDashboard.Tests.E2E;

/// <summary>The app killed with SIGKILL (no shutdown code runs) at the points where a large import or a label join can
/// be cut off, then started again on the same data folder: the job ends once (succeeded, or failed with a reason),
/// nothing is half-stored, no file is left behind and the follow-up (gates, alerts) is done exactly once.</summary>
[Collection(CrashRecoveryCollection.Name)]
public sealed class CrashRecoveryTests(CrashRecoveryFixture app, ITestOutputHelper output)
{
    private const int Rows = CrashRecoveryFixture.Rows;
    private static readonly string[] Stages = ["Parsing", "Scoring", "Storing", "Done"];

    [Theory]
    [InlineData(ImportKillPoint.Accepted)]
    [InlineData(ImportKillPoint.Parsing)]
    [InlineData(ImportKillPoint.Scoring)]
    [InlineData(ImportKillPoint.Storing)]
    [InlineData(ImportKillPoint.Committed)]
    public async Task LargeImport_KilledAndRestarted_EndsOnceWithNothingHalfStored(ImportKillPoint killPoint)
    {
        await app.EnsureSettledAsync();
        var clock = Stopwatch.StartNew();
        var accepted = await app.UploadBatchAsync(BikeShapedCsv.Generate(Rows, seed: 100 + (int)killPoint), $"crash-{killPoint}.csv");
        Assert.Equal("Queued", accepted.GetProperty("state").GetString());
        Assert.Equal("Queued", accepted.GetProperty("stage").GetString());
        var jobId = accepted.GetProperty("id").GetGuid();
        var kind = accepted.GetProperty("kind").GetString();
        Assert.Equal(CrashRecoveryFixture.ImportKind, kind);
        Log($"{killPoint}: upload of {Rows:N0} rows answered 202 after {clock.Elapsed.TotalSeconds:F1} s (job {jobId})");

        int? committedBatch = null;
        if (killPoint == ImportKillPoint.Accepted)
        {
            app.Kill();
            Log("killed right after the 202");
        }
        else if (killPoint == ImportKillPoint.Committed)
        {
            committedBatch = await KillWhenCommittedAsync(jobId);
        }
        else
        {
            await KillAtStageAsync(jobId, killPoint);
        }
        var killedAt = clock.Elapsed;

        var start = await app.RestartAsync();
        try
        {
            var restarted = await app.GetJobAsync(jobId);
            Assert.Equal(jobId, restarted.GetProperty("id").GetGuid());
            Assert.Equal(kind, restarted.GetProperty("kind").GetString());
            var job = await app.WaitForJobAsync(jobId);
            await app.WaitUntilSettledAsync();
            Log($"restarted in {start.TotalSeconds:F1} s; after the restart the job ended {job.GetProperty("state").GetString()} " +
                $"after {job.GetProperty("attempts").GetInt32()} attempt(s), settled {(clock.Elapsed - killedAt - start).TotalSeconds:F1} s later");
            if (killPoint == ImportKillPoint.Accepted)
                Log(job.GetProperty("attempts").GetInt32() == 1
                    ? "the job was still queued when the app was killed"
                    : "the runner had already claimed the job when the app was killed: it was queued again at the restart");
            if (killPoint == ImportKillPoint.Committed)
                Log(app.Server.RecentOutput.Contains("Follow-up work:", StringComparison.Ordinal)
                    ? "the follow-up had not finished when the app was killed: the restarted app's follow-up worker did it"
                    : "the follow-up had already finished when the app was killed");

            var state = job.GetProperty("state").GetString();
            var attempts = job.GetProperty("attempts").GetInt32();
            var stored = await app.QueryAsync("SELECT Id FROM Batches WHERE upper(JobId) = $job", r => r.GetInt32(0),
                ("$job", CrashRecoveryFixture.StoredGuid(jobId)));
            if (state == "Failed")
            {
                Assert.False(string.IsNullOrWhiteSpace(job.GetProperty("error").GetString()), job.ToString());
                Assert.Empty(stored);
            }
            else
            {
                Assert.Equal("Succeeded", state);
                // Killed once: the job ran at most twice; a committed job never runs again.
                Assert.InRange(attempts, 1, 2);
                var batchId = job.GetProperty("batchId").GetInt32();
                Assert.Equal(batchId, Assert.Single(stored));
                if (committedBatch is { } committed)
                {
                    Assert.Equal(committed, batchId);
                    Assert.Equal(1, attempts);
                }
                await AssertStoredOnceAsync(batchId);
            }
            await AssertProductConsistentAsync();
        }
        catch (Exception) when (DumpServerOutput())
        {
            throw;
        }
        Log($"{killPoint}: {clock.Elapsed.TotalSeconds:F1} s in all");
    }

    [Fact]
    public async Task LabelUpload_KilledRightAfterTheAppReceivedIt_JoinsAllLabelsOrNoneAndFollowsUpOnce()
    {
        await app.EnsureSettledAsync();
        var clock = Stopwatch.StartNew();
        var p = ("$p", (object)app.ProductId);
        const string ofProduct = "FROM Predictions p JOIN Batches b ON b.Id = p.BatchId WHERE b.ProductId = $p";
        Assert.Equal(0, await app.CountAsync($"SELECT COUNT(*) {ofProduct} AND p.Label IS NOT NULL", p));
        var joinedBefore = await app.CountAsync("SELECT COUNT(*) FROM FollowUps WHERE ProductId = $p AND Kind = 'LabelsJoined'", p);
        var predictions = await app.CountAsync($"SELECT COUNT(*) {ofProduct}", p);

        // Every batch holds the row keys 1..Rows: one label per key joins every prediction of the product.
        var labels = LabelValues();
        var csv = new StringBuilder("instant,cnt\n", Rows * 12);
        for (var i = 0; i < Rows; i++)
            csv.Append(CultureInfo.InvariantCulture, $"{i + 1},{labels[i]}\n");
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        using var body = new SignallingContent(bytes, "text/csv");
        var upload = app.Client.PostAsync($"/api/products/{app.ProductId}/labels?fileName=labels.csv", body);
        await Task.WhenAny(body.Sent, upload);
        var whole = await WaitUntilReceivedAsync(bytes.Length, upload);
        app.Kill();
        string answer;
        HttpStatusCode? status = null;
        try
        {
            var response = await upload;
            status = response.StatusCode;
            answer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        catch (HttpRequestException ex)
        {
            answer = $"no answer ({ex.Message})";
        }
        Log($"label file of {Rows:N0} rows ({bytes.Length:N0} bytes) sent; the app was killed {(whole ? "as soon as it had the whole file in data/tmp" : "after it answered")} " +
            $"({clock.Elapsed.TotalSeconds:F1} s); the client got: {answer}");

        var start = await app.RestartAsync();
        try
        {
            await app.WaitUntilSettledAsync();
            var labelled = await app.CountAsync($"SELECT COUNT(*) {ofProduct} AND p.Label IS NOT NULL", p);
            var joined = await app.CountAsync("SELECT COUNT(*) FROM FollowUps WHERE ProductId = $p AND Kind = 'LabelsJoined'", p);
            Log($"restarted in {start.TotalSeconds:F1} s: {labelled:N0} of {predictions:N0} predictions labelled");
            if (labelled == 0)
            {
                Assert.NotEqual(HttpStatusCode.OK, status);
                Assert.Equal(joinedBefore, joined);
            }
            else
            {
                Assert.Equal(predictions, labelled);
                // One transaction: one labelling time, the uploaded values, and one follow-up recorded with them (done).
                Assert.Equal(1, await app.CountAsync($"SELECT COUNT(DISTINCT p.LabelAt) {ofProduct}", p));
                var sample = await app.QueryAsync($"SELECT p.RowKey, p.Label {ofProduct} AND p.RowKey IN ('1', '150000', '{Rows}')",
                    r => (Key: int.Parse(r.GetString(0), CultureInfo.InvariantCulture), Label: r.GetDouble(1)), p);
                Assert.NotEmpty(sample);
                Assert.All(sample, s => Assert.Equal(labels[s.Key - 1], s.Label));
                Assert.Equal(joinedBefore + 1, joined);
            }
            await AssertProductConsistentAsync();
        }
        catch (Exception) when (DumpServerOutput())
        {
            throw;
        }
        Log($"labels: {clock.Elapsed.TotalSeconds:F1} s in all");
    }

    /// <summary>The app streams an upload to data/tmp before it reads it: once that file is whole, the label join is
    /// under way. False when the request was answered first.</summary>
    private async Task<bool> WaitUntilReceivedAsync(long length, Task answered)
    {
        var tmp = Path.Combine(app.DataPath, "tmp");
        var guard = Stopwatch.StartNew();
        while (!answered.IsCompleted)
        {
            if (HasUpload(tmp, length))
                return true;
            if (guard.Elapsed > CrashRecoveryFixture.WorkTimeout)
                Assert.Fail($"The app did not receive the label file within {CrashRecoveryFixture.WorkTimeout.TotalSeconds:F0} s");
            await Task.Delay(2);
        }
        return false;
    }

    private static bool HasUpload(string folder, long length)
    {
        try
        {
            return Directory.Exists(folder) && new DirectoryInfo(folder).GetFiles("*.upload").Any(f => f.Length == length);
        }
        catch (IOException)
        {
            return false; // a file went away while it was listed
        }
    }

    /// <summary>Polls the job every 10 ms and kills the app once it reached <paramref name="killPoint"/>'s stage; a stage
    /// too quick to be seen is noted and the app killed at the next one.</summary>
    private async Task KillAtStageAsync(Guid jobId, ImportKillPoint killPoint)
    {
        var target = Array.IndexOf(Stages, killPoint.ToString());
        var seen = new List<string>();
        var guard = Stopwatch.StartNew();
        while (true)
        {
            var job = await app.GetJobAsync(jobId);
            var state = job.GetProperty("state").GetString();
            var stage = job.GetProperty("stage").GetString() ?? "";
            if (seen.Count == 0 || seen[^1] != $"{state}/{stage}")
                seen.Add($"{state}/{stage}");
            Assert.True(state != "Failed", $"The job failed before the kill: {job}");
            var reached = state == "Succeeded" ? Stages.Length : Array.IndexOf(Stages, stage);
            if (reached >= target)
            {
                app.Kill();
                var rows = job.GetProperty("rowsDone").GetInt32();
                Log(reached == target
                    ? $"killed in {stage} ({rows:N0} rows done; seen: {string.Join(" → ", seen)})"
                    : $"{killPoint} was too quick to catch; killed at {state}/{stage} instead (seen: {string.Join(" → ", seen)})");
                return;
            }
            if (guard.Elapsed > CrashRecoveryFixture.WorkTimeout)
                Assert.Fail($"The job did not reach {killPoint} within {CrashRecoveryFixture.WorkTimeout.TotalSeconds:F0} s: {job}");
            await Task.Delay(10);
        }
    }

    /// <summary>Polls the job's row in the store every 10 ms and kills the app as soon as the import's transaction
    /// committed (the job is marked succeeded in it), before the job's end reaches the API; returns the stored batch.</summary>
    private async Task<int> KillWhenCommittedAsync(Guid jobId)
    {
        var guard = Stopwatch.StartNew();
        var id = ("$job", (object)CrashRecoveryFixture.StoredGuid(jobId));
        while (true)
        {
            var (state, batchId) = Assert.Single(await app.QueryAsync("SELECT State, BatchId FROM Jobs WHERE upper(Id) = $job",
                r => (r.GetString(0), r.IsDBNull(1) ? (int?)null : r.GetInt32(1)), id));
            if (state == "Succeeded")
            {
                app.Kill();
                Log($"killed right after the commit (batch {batchId})");
                return batchId!.Value;
            }
            Assert.True(state != "Failed", $"Job {jobId} failed before the kill");
            if (guard.Elapsed > CrashRecoveryFixture.WorkTimeout)
                Assert.Fail($"Job {jobId} did not commit within {CrashRecoveryFixture.WorkTimeout.TotalSeconds:F0} s");
            await Task.Delay(10);
        }
    }

    /// <summary>The batch holds every row once (API and store agree) and its follow-up was recorded once and is done.</summary>
    private async Task AssertStoredOnceAsync(int batchId)
    {
        var detail = await app.GetJsonAsync($"/api/batches/{batchId}");
        Assert.Equal(Rows, detail.GetProperty("batch").GetProperty("rowCount").GetInt32());
        var page = await app.GetJsonAsync($"/api/batches/{batchId}/predictions?page=1&pageSize=1");
        Assert.Equal(Rows, page.GetProperty("totalCount").GetInt32());
        var last = await app.GetJsonAsync($"/api/batches/{batchId}/predictions?page={Rows}&pageSize=1");
        Assert.Equal(Rows - 1, Assert.Single(last.GetProperty("items").EnumerateArray()).GetProperty("rowIndex").GetInt32());
        var beyond = await app.GetJsonAsync($"/api/batches/{batchId}/predictions?page={Rows + 1}&pageSize=1");
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
        var b = ("$b", (object)batchId);
        Assert.Equal(Rows, await app.CountAsync("SELECT COUNT(*) FROM Predictions WHERE BatchId = $b", b));
        var followUps = await app.QueryAsync("SELECT DoneAt IS NOT NULL FROM FollowUps WHERE Kind = 'BatchStored' AND BatchIds = $ids",
            r => r.GetBoolean(0), ("$ids", batchId.ToString(CultureInfo.InvariantCulture)));
        Assert.True(Assert.Single(followUps));
        var gates = await app.GetJsonAsync($"/api/batches/{batchId}/gates");
        Assert.Equal(await EnabledBatchGatesAsync(), gates.EnumerateArray().Select(g => g.GetProperty("gateRuleId").GetInt32()).Order());
    }

    /// <summary>What must hold for the product whatever was killed when: one batch per succeeded import job and none
    /// otherwise, all predictions of those batches and no others, one done follow-up per batch, each batch judged
    /// once by each enabled batch gate, the failing gate's one alert counting each batch once (and notified once), no
    /// upload left in data/tmp and no batch file that nothing references.</summary>
    private async Task AssertProductConsistentAsync()
    {
        var p = ("$p", (object)app.ProductId);
        var jobs = (await app.GetJsonAsync($"/api/products/{app.ProductId}/jobs?take=200")).EnumerateArray()
            .Where(j => j.GetProperty("kind").GetString() == CrashRecoveryFixture.ImportKind).ToList();
        Assert.DoesNotContain(jobs, j => j.GetProperty("state").GetString() is "Queued" or "Running");
        var succeeded = jobs.Where(j => j.GetProperty("state").GetString() == "Succeeded").ToList();
        var failed = jobs.Where(j => j.GetProperty("state").GetString() == "Failed").ToList();
        Assert.All(failed, j => Assert.False(string.IsNullOrWhiteSpace(j.GetProperty("error").GetString()), j.ToString()));

        var listed = await app.GetJsonAsync($"/api/products/{app.ProductId}/batches?pageSize=1000");
        var batches = listed.GetProperty("items").EnumerateArray().ToList();
        var batchIds = batches.Select(b => b.GetProperty("id").GetInt32()).Order().ToList();
        Assert.Equal(succeeded.Select(j => j.GetProperty("batchId").GetInt32()).Order(), batchIds);
        Assert.All(batches, b => Assert.Equal(Rows, b.GetProperty("rowCount").GetInt32()));
        Assert.Equal((long)Rows * succeeded.Count, await app.CountAsync("SELECT COUNT(*) FROM Predictions p JOIN Batches b ON b.Id = p.BatchId WHERE b.ProductId = $p", p));

        var followedUp = await app.QueryAsync("SELECT BatchIds FROM FollowUps WHERE ProductId = $p AND Kind = 'BatchStored' AND DoneAt IS NOT NULL",
            r => int.Parse(r.GetString(0), CultureInfo.InvariantCulture), p);
        Assert.Equal(batchIds, followedUp.Order());
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM FollowUps WHERE ProductId = $p AND DoneAt IS NULL", p));

        var gates = await EnabledBatchGatesAsync();
        var judged = await app.QueryAsync("SELECT BatchId, GateRuleId FROM GateEvaluations WHERE ProductId = $p AND BatchId IS NOT NULL",
            r => (Batch: r.GetInt32(0), Rule: r.GetInt32(1)), p);
        Assert.Equal(batchIds, judged.Select(e => e.Batch).Distinct().Order());
        Assert.All(judged.GroupBy(e => e.Batch), g => Assert.Equal(gates, g.Select(e => e.Rule).Order()));

        var alerts = (await app.GetJsonAsync($"/api/products/{app.ProductId}/alerts?pageSize=1000")).GetProperty("items").EnumerateArray()
            .Where(a => a.TryGetProperty("gateRuleId", out var rule) && rule.ValueKind == JsonValueKind.Number && rule.GetInt32() == app.FailingGateId).ToList();
        var alert = Assert.Single(alerts);
        Assert.Equal(batchIds.Count, alert.GetProperty("count").GetInt32());
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM NotificationOutbox WHERE AlertId = $a", ("$a", alert.GetProperty("id").GetInt32())));

        var tmp = Path.Combine(app.DataPath, "tmp");
        Assert.Empty(Directory.Exists(tmp) ? Directory.GetFiles(tmp) : []);
        var hashes = batches.Select(b => b.GetProperty("fileHash").GetString()!).ToHashSet(StringComparer.Ordinal);
        // A failed import's input stays until the next start removes it with the other unreferenced files.
        var failedInputs = await app.QueryAsync("SELECT InputHash FROM Jobs WHERE ProductId = $p AND Kind = $kind AND State = 'Failed'",
            r => r.GetString(0), p, ("$kind", CrashRecoveryFixture.ImportKind));
        var files = Directory.GetFiles(Path.Combine(app.DataPath, "batches")).Select(f => Path.GetFileName(f)).ToList();
        Assert.All(files, f => Assert.True(hashes.Contains(f.Split('.')[0]) || failedInputs.Contains(f.Split('.')[0]),
            $"data/batches/{f} belongs to no batch"));
        Assert.All(files, f => Assert.EndsWith(".csv", f, StringComparison.Ordinal));
        Assert.All(hashes, h => Assert.Contains($"{h}.csv", files));
    }

    private async Task<List<int>> EnabledBatchGatesAsync() =>
        (await app.GetJsonAsync($"/api/products/{app.ProductId}/gates?scope=Batch")).EnumerateArray()
            .Where(g => g.GetProperty("enabled").GetBoolean()).Select(g => g.GetProperty("id").GetInt32()).Order().ToList();

    /// <summary>Fixed-seed rental counts, one per row key.</summary>
    private static int[] LabelValues()
    {
        var random = new Random(5);
        return Enumerable.Range(0, Rows).Select(_ => random.Next(0, 1000)).ToArray();
    }

    private void Log(string message) => output.WriteLine($"[{DateTime.UtcNow:HH:mm:ss.fff}] {message}");

    /// <summary>Adds the app's last output to a failing test's output; never catches.</summary>
    private bool DumpServerOutput()
    {
        output.WriteLine("--- the app's last output ---");
        output.WriteLine(app.Server.RecentOutput);
        return false;
    }

    /// <summary>A request body that tells when the client has written the whole of it.</summary>
    private sealed class SignallingContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SignallingContent(byte[] bytes, string mediaType)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        public Task Sent => _sent.Task;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_bytes);
            await stream.FlushAsync();
            _sent.TrySetResult();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _bytes.Length;
            return true;
        }
    }
}
