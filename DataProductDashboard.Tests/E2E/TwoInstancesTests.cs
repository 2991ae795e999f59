using System.Diagnostics;
using System.Net;
using DataProductDashboard.Bench;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DataProductDashboard.Tests.E2E;

/// <summary>Two app processes on one PostgreSQL database, each with a data directory of its own (<see cref="TwoInstancesFixture"/>).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TwoInstancesCollection : ICollectionFixture<TwoInstancesFixture>
{
    public const string Name = "Two app instances on one PostgreSQL database";
}

/// <summary>Uploads spread over two instances are each stored once with their own batch number, every job runs once, a
/// page open on one instance refreshes after an upload through the other, and a job whose instance is killed mid-run
/// finishes on the survivor once its lease ran out.</summary>
[Collection(TwoInstancesCollection.Name)]
public sealed class TwoInstancesTests(TwoInstancesFixture apps)
{
    [Fact]
    public async Task Upload_TenAtOnceSpreadOverBothInstances_EachStoredOnceWithItsOwnNumberAndEachJobRunOnce()
    {
        var productId = await apps.CreateTrainedProductAsync("Rentals (ten uploads)");
        // Five small batches (stored in the request) and five large ones (queued jobs), alternating between the instances.
        var uploads = Enumerable.Range(0, 10).Select(i => (Client: i % 2 == 0 ? apps.ClientA : apps.ClientB, Rows: i < 5 ? 200 + i : 1500 + i, Name: $"upload-{i}.csv")).ToList();

        var answers = await Task.WhenAll(uploads.Select(u => apps.UploadAsync(u.Client, productId, BikeShapedCsv.Generate(u.Rows, seed: 100 + u.Rows), u.Name)));

        var jobIds = answers.Where(a => a.Status == HttpStatusCode.Accepted).Select(a => a.Body.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(5, jobIds.Count);
        Assert.Equal(5, answers.Count(a => a.Status == HttpStatusCode.Created));
        foreach (var id in jobIds)
        {
            var job = await apps.WaitForJobAsync(jobIds.IndexOf(id) % 2 == 0 ? apps.ClientA : apps.ClientB, id);
            Assert.True(job.GetProperty("state").GetString() == "Succeeded", job.ToString());
            Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        }
        var batches = (await TwoInstancesFixture.GetJsonAsync(apps.ClientB, $"/api/products/{productId}/batches?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(uploads.Select(u => u.Name).Order(), batches.Select(b => b.GetProperty("fileName").GetString()).Order());
        Assert.Equal(Enumerable.Range(1, 10), batches.Select(b => b.GetProperty("number").GetInt32()).Order());
        Assert.Equal(uploads.Sum(u => u.Rows), batches.Sum(b => b.GetProperty("rowCount").GetInt32()));
        Assert.Equal(uploads.Sum(u => (long)u.Rows), await apps.ScalarAsync($"SELECT COUNT(*) FROM \"Predictions\" WHERE \"ProductId\" = {productId}"));
        Assert.Equal(0, await apps.ScalarAsync("SELECT COUNT(*) FROM (SELECT \"JobId\" FROM \"Batches\" WHERE \"JobId\" IS NOT NULL GROUP BY \"JobId\" HAVING COUNT(*) > 1) d"));
        // Every batch file is in the database once, whichever instance received it.
        Assert.Equal(10, await apps.ScalarAsync($"SELECT COUNT(*) FROM \"SharedFiles\" WHERE \"Area\" = 'batches' AND \"Name\" IN (SELECT \"FileHash\" || '.csv' FROM \"Batches\" WHERE \"ProductId\" = {productId})"));
        foreach (var client in new[] { apps.ClientA, apps.ClientB })
        {
            var ready = await client.GetAsync("/health/ready");
            Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Overview_OpenOnInstanceB_RefreshesAfterAnUploadThroughInstanceA()
    {
        var productId = await apps.CreateTrainedProductAsync("Rentals (live refresh)");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = DashboardServerFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync($"{apps.B.BaseUrl}/account/login?returnUrl=%2F");
        await page.FillAsync("#login-name", apps.ViewerEmail);
        await page.FillAsync("#login-password", apps.ViewerPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await DashboardServerFixture.OpenAsync(page, $"{apps.B.BaseUrl}/products/{productId}");
        var batches = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Batches \(\d+\)") });
        await Expect(batches).ToHaveTextAsync("Batches (0)");

        await apps.UploadAsync(apps.ClientA, productId, BikeShapedCsv.Generate(301, seed: 9), "through-a.csv");

        // No reload: instance A's commit reaches B's circuit through PostgreSQL LISTEN/NOTIFY.
        await Expect(batches).ToHaveTextAsync("Batches (1)", new() { Timeout = 30_000 });
        Assert.Equal($"{apps.B.BaseUrl}/products/{productId}", page.Url);
    }

    [Fact]
    public async Task Kill_InstanceRunningAJob_TheSurvivorTakesItOverAndStoresItOnce()
    {
        const int rows = 150_000;
        var productId = await apps.CreateTrainedProductAsync("Rentals (kill)");
        var accepted = await apps.UploadAsync(apps.ClientA, productId, BikeShapedCsv.Generate(rows, seed: 5), "large.csv");
        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        var jobId = accepted.Body.GetProperty("id").GetGuid();

        // Whichever instance claimed the job is killed while it runs; the other must finish it (from the copy of the
        // file in the database when the survivor is B, whose data directory never held it).
        var guard = Stopwatch.StartNew();
        string? owner;
        while ((owner = await apps.OwnerAsync(jobId)) is null)
        {
            Assert.True(guard.Elapsed < TwoInstancesFixture.WorkTimeout, "The job was never claimed.");
            await Task.Delay(20);
        }
        var (victim, survivor) = owner.Contains($":{apps.A.ProcessId}:", StringComparison.Ordinal) ? (apps.A, apps.ClientB) : (apps.B, apps.ClientA);
        victim.Kill();
        try
        {
            var job = await apps.WaitForJobAsync(survivor, jobId);
            Assert.True(job.GetProperty("state").GetString() == "Succeeded", job.ToString());
            Assert.Equal(2, job.GetProperty("attempts").GetInt32());
            Assert.Equal(1, await apps.ScalarAsync($"SELECT COUNT(*) FROM \"Batches\" WHERE \"JobId\" = '{jobId}'"));
            Assert.Equal(rows, await apps.ScalarAsync($"SELECT COUNT(*) FROM \"Predictions\" p JOIN \"Batches\" b ON b.\"Id\" = p.\"BatchId\" WHERE b.\"JobId\" = '{jobId}'"));
            Assert.Equal(HttpStatusCode.OK, (await survivor.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            await apps.RestartAsync(victim);
        }
    }
}
