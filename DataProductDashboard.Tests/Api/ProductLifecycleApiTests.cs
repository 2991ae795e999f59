using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Products;
using DataProductDashboard.Storage;
using DataProductDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataProductDashboard.Tests.Api;

/// <summary>Archive, restore, delete with all data, schema versions and retention, through the API on one shared app
/// (each test makes its own products).</summary>
[Trait(Providers.Trait, Providers.Both)]
public sealed class ProductLifecycleApiTests(ProductLifecycleApiTests.Fixture fixture) : ApiTestBase, IClassFixture<ProductLifecycleApiTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public DashboardAppFactory App { get; } = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private readonly DashboardAppFactory _app = fixture.App;

    private async Task<int> UploadAsync(HttpClient client, int productId, string csv)
    {
        var response = await client.PostAsync($"/api/products/{productId}/batches", CsvBody(csv));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
    }

    private async Task<DashboardDbContext> DbAsync() =>
        await _app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task Archive_Product_IsHiddenReadOnlyAndComesBackOnRestore()
    {
        var client = _app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client, "Archived rentals");
        await UploadAsync(client, id, TestSchemas.RegressionCsv(40, seed: 3, withLabel: false, firstId: 1000));

        var archived = await client.PostAsync($"/api/products/{id}/archive", null);

        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/products", Json);
        Assert.DoesNotContain(listed.EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);
        var all = await client.GetFromJsonAsync<JsonElement>("/api/products?includeArchived=true", Json);
        Assert.Contains(all.EnumerateArray(), p => p.GetProperty("id").GetInt32() == id && p.GetProperty("archivedAt").ValueKind == JsonValueKind.String);
        var upload = await client.PostAsync($"/api/products/{id}/batches", CsvBody(TestSchemas.RegressionCsv(40, seed: 4, withLabel: false, firstId: 2000)));
        var problem = await ProblemAsync(upload, 409);
        Assert.Contains("archived and read-only", problem.GetProperty("detail").GetString());
        await ProblemAsync(await client.PutAsJsonAsync($"/api/products/{id}/cadence", new { expectedCadenceHours = 24 }, Json), 409);
        await ProblemAsync(await client.PostAsync($"/api/products/{id}/archive", null), 409);
        await using (var db = await DbAsync())
            Assert.Equal(1, await db.Batches.CountAsync(b => b.ProductId == id));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/products/{id}/restore", null)).StatusCode);
        await UploadAsync(client, id, TestSchemas.RegressionCsv(40, seed: 4, withLabel: false, firstId: 2000));
        var trail = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/trail", Json);
        Assert.Contains(trail.EnumerateArray(), e => e.GetProperty("action").GetString() == "ProductArchived");
        Assert.Contains(trail.EnumerateArray(), e => e.GetProperty("action").GetString() == "ProductRestored");
    }

    [Fact]
    public async Task Delete_WithoutTheExactName_Returns400AndKeepsTheProduct()
    {
        var client = _app.CreateClient();
        var id = await CreateProductAsync(client, "Kept rentals", TaskType.Regression, TestSchemas.Regression);

        var missing = await ProblemAsync(await client.DeleteAsync($"/api/products/{id}"), 400);
        var wrong = await ProblemAsync(await client.DeleteAsync($"/api/products/{id}?confirm=kept%20rentals"), 400);

        Assert.True(missing.GetProperty("errors").TryGetProperty("confirm", out _));
        Assert.Contains("type 'Kept rentals' exactly", wrong.GetProperty("errors").GetProperty("confirm")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/products/{id}")).StatusCode);
    }

    [Fact]
    public async Task Delete_ProductWithData_RemovesEveryRowAndItsOwnFilesOnly()
    {
        var client = _app.CreateClient();
        var doomed = await CreateTrainedRegressionProductAsync(client, "Doomed rentals");
        var other = await CreateTrainedRegressionProductAsync(client, "Surviving rentals");
        var shared = TestSchemas.RegressionCsv(30, seed: 21, withLabel: false, firstId: 5000);
        var own = TestSchemas.RegressionCsv(30, seed: 22, withLabel: false, firstId: 6000);
        await UploadAsync(client, doomed, shared);
        await UploadAsync(client, doomed, own);
        await UploadAsync(client, other, shared);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/products/{doomed}/gates",
            new { metricKey = "batch.rows", condition = "Gt", threshold = 1 }, Json)).StatusCode);
        var onlyDoomed = _app.CreateKey("only-doomed", DashboardRoles.Ingest, [doomed]);
        var both = _app.CreateKey("both-products", DashboardRoles.Ingest, [doomed, other]);
        string sharedHash, ownHash;
        await using (var db = await DbAsync())
        {
            sharedHash = await db.Batches.Where(b => b.ProductId == doomed).OrderBy(b => b.Id).Select(b => b.FileHash).FirstAsync();
            ownHash = await db.Batches.Where(b => b.ProductId == doomed).OrderBy(b => b.Id).Select(b => b.FileHash).Skip(1).FirstAsync();
        }
        var store = _app.Services.GetRequiredService<ContentStore>();

        var response = await client.DeleteAsync($"/api/products/{doomed}?confirm=Doomed%20rentals");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deletion = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(60, deletion.GetProperty("rows").GetProperty("predictions").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/products/{doomed}")).StatusCode);
        await using (var db = await DbAsync())
        {
            Assert.Equal(0, await db.Predictions.CountAsync(p => p.ProductId == doomed));
            Assert.Equal(0, await db.Batches.CountAsync(b => b.ProductId == doomed));
            Assert.Equal(0, await db.ModelVersions.CountAsync(v => v.ProductId == doomed));
            Assert.Equal(0, await db.MetricPoints.CountAsync(p => p.ProductId == doomed));
            Assert.Equal(0, await db.MetricRuns.CountAsync(r => r.ProductId == doomed));
            Assert.Equal(0, await db.GateRules.CountAsync(r => r.ProductId == doomed));
            Assert.Equal(0, await db.GateEvaluations.CountAsync(e => e.ProductId == doomed));
            Assert.Equal(0, await db.Jobs.CountAsync(j => j.ProductId == doomed));
            Assert.Equal(0, await db.FollowUps.CountAsync(f => f.ProductId == doomed));
            Assert.Equal(0, await db.AuditTrail.CountAsync(e => e.ProductId == doomed));
            Assert.Equal(0, await db.SchemaVersions.CountAsync(v => v.ProductId == doomed));
            Assert.Equal(0, await db.BatchStatistics.CountAsync(s => !db.Batches.Any(b => b.Id == s.BatchId)));
            Assert.Equal(30, await db.Predictions.CountAsync(p => p.ProductId == other));
            var keys = await db.ApiKeys.AsNoTracking().Where(k => k.Name == "only-doomed" || k.Name == "both-products").ToDictionaryAsync(k => k.Name);
            Assert.NotNull(keys["only-doomed"].RevokedAt);
            Assert.Equal(other.ToString(System.Globalization.CultureInfo.InvariantCulture), keys["both-products"].ProductIds);
            Assert.Null(keys["both-products"].RevokedAt);
        }
        Assert.True(File.Exists(store.PathFor(ContentStore.Batches, sharedHash, ".csv")), "the other product's batch file stays");
        Assert.False(File.Exists(store.PathFor(ContentStore.Batches, ownHash, ".csv")), "the deleted product's own batch file goes");
        var revoked = _app.CreateClient();
        revoked.DefaultRequestHeaders.Authorization = new("Bearer", onlyDoomed);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync("/api/products")).StatusCode);
        var narrowed = _app.CreateClient();
        narrowed.DefaultRequestHeaders.Authorization = new("Bearer", both);
        Assert.Equal(HttpStatusCode.OK, (await narrowed.GetAsync($"/api/products/{other}")).StatusCode);
    }

    [Fact]
    public async Task InferSchema_YearMonthDayHourSample_ProposalTrainsAndTimesBatchesByTheComposedTime()
    {
        var client = _app.CreateClient();
        var sample = TestSchemas.Utf8(TestSchemas.Pm25Csv(500, seed: 21));

        var inferred = await client.PostAsync("/api/products/infer-schema", Multipart(sample, "air-quality-composed.csv", "text/csv", ("label", "pm2.5")));

        Assert.Equal(HttpStatusCode.OK, inferred.StatusCode);
        var body = await inferred.Content.ReadAsStringAsync();
        var proposal = JsonDocument.Parse(body).RootElement;
        var eventTime = proposal.GetProperty("schema").GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("role").GetString() == "EventTime");
        Assert.Equal("event_time", eventTime.GetProperty("name").GetString());
        Assert.Equal(["year", "month", "day", "hour"], eventTime.GetProperty("composedOf").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains(proposal.GetProperty("inference").GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("composed from them", StringComparison.Ordinal));

        // The proposal, unchanged, creates the product; training reads the parts as features.
        var created = await client.PostAsync("/api/products", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        var train = await client.PostAsync($"/api/products/{id}/models/train", Multipart(sample, "air-quality-composed.csv", "text/csv", ("trainer", "FastTree")));
        Assert.Equal(HttpStatusCode.Accepted, train.StatusCode);
        Assert.Equal("Succeeded", (await WaitForJobAsync(client, train.Headers.Location!.ToString())).GetProperty("state").GetString());

        // The parts are wall-clock times of the product's zone (Beijing, UTC+8); storage and the API are UTC.
        var put = await client.PutAsJsonAsync($"/api/products/{id}", new { name = proposal.GetProperty("name").GetString(), timeZone = "Asia/Shanghai" }, Json);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var batchId = await UploadAsync(client, id, TestSchemas.Pm25Csv(48, seed: 22, withLabel: false, start: new DateTime(2011, 2, 27, 6, 0, 0), firstNo: 9000));

        var batch = await client.GetFromJsonAsync<JsonElement>($"/api/batches/{batchId}", Json);
        var summary = batch.TryGetProperty("batch", out var inner) ? inner : batch;
        Assert.StartsWith("2011-02-26T22:00:00", summary.GetProperty("eventTimeFrom").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("2011-02-28T21:00:00", summary.GetProperty("eventTimeTo").GetString(), StringComparison.Ordinal);

        // A row whose parts make no date is refused naming the row, the part column and the value.
        var bad = TestSchemas.Pm25Csv(3, seed: 23, withLabel: false, start: new DateTime(2011, 4, 30, 22, 0, 0), firstNo: 9900).Replace(",2011,5,1,0,", ",2011,4,31,0,", StringComparison.Ordinal);
        var refused = await ProblemAsync(await client.PostAsync($"/api/products/{id}/batches", CsvBody(bad)), 400);
        Assert.Equal("31 is not a day of month 4 of 2011", refused.GetProperty("errors").GetProperty("row 4, column 'day'")[0].GetString());
    }

    [Fact]
    public async Task ChangeSchema_NullableColumnAdded_OldAndNewFilesAreAcceptedAndBatchesKeepTheirVersion()
    {
        var client = _app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client, "Evolving rentals");
        var before = await UploadAsync(client, id, TestSchemas.RegressionCsv(20, seed: 31, withLabel: false, firstId: 7000));
        var columns = TestSchemas.Regression.Columns.Select(c => c.Name == "season" ? c with { AllowedValues = [.. c.AllowedValues!, "monsoon"] } : c)
            .Append(new ColumnSpec("wind", ColumnKind.Numeric, Nullable: true)).ToList();

        var response = await client.PutAsJsonAsync($"/api/products/{id}/schema", new ProductSchema(columns), Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var version = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(2, version.GetProperty("version").GetInt32());
        Assert.Equal(2, version.GetProperty("changes").GetArrayLength());
        var oldFormat = await UploadAsync(client, id, TestSchemas.RegressionCsv(20, seed: 32, withLabel: false, firstId: 8000));
        var withWind = TestSchemas.RegressionCsv(20, seed: 33, withLabel: false, firstId: 9000).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select((line, i) => i == 0 ? line + ",wind" : line.Replace(",spring", ",monsoon", StringComparison.Ordinal) + (i % 2 == 0 ? ",3.5" : ",")).ToList();
        var newFormat = await UploadAsync(client, id, string.Join('\n', withWind) + "\n");
        var batches = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/batches", Json);
        var versionOf = batches.GetProperty("items").EnumerateArray().ToDictionary(b => b.GetProperty("id").GetInt32(), b => b.GetProperty("schemaVersion").GetInt32());
        Assert.Equal((1, 2, 2), (versionOf[before], versionOf[oldFormat], versionOf[newFormat]));
        var versions = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}/schema/versions", Json);
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("batches").GetInt32()));
        var product = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}", Json);
        var wind = product.GetProperty("schema").GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "wind");
        Assert.Equal(2, wind.GetProperty("addedInVersion").GetInt32());
    }

    [Fact]
    public async Task Predictions_BinaryBatch_CarryClassNamesBesideTheNumbersAndASchemaChangeKeepsTheTrainedNegativeClass()
    {
        var client = _app.CreateClient();
        // The label lists no allowed values: the negative class is named from the training labels.
        var schema = TestSchemas.Binary with { Columns = [.. TestSchemas.Binary.Columns.Select(c => c.Role == ColumnRole.Label ? c with { AllowedValues = null } : c)] };
        var id = await CreateProductAsync(client, "Named risk", TaskType.BinaryClassification, schema);
        var train = await client.PostAsync($"/api/products/{id}/models/train",
            Multipart(TestSchemas.Utf8(TestSchemas.BinaryCsv(200)), "train.csv", "text/csv", ("trainer", "FastTree")));
        Assert.Equal("Succeeded", (await WaitForJobAsync(client, train.Headers.Location!.ToString())).GetProperty("state").GetString());
        var batchId = await UploadAsync(client, id, TestSchemas.BinaryCsv(30, seed: 71));

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/batches/{batchId}/predictions?pageSize=30", Json);
        var csv = await client.GetStringAsync($"/api/batches/{batchId}/predictions?format=csv");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(30, items.Count);
        Assert.All(items, row =>
        {
            Assert.Equal(row.GetProperty("predicted").GetDouble() == 1 ? "bad" : "good", row.GetProperty("predictedClass").GetString());
            Assert.Equal(row.GetProperty("label").GetDouble() == 1 ? "bad" : "good", row.GetProperty("labelClass").GetString());
        });
        Assert.StartsWith("row_index,row_key,predicted,score,label,predicted_class,label_class\n", csv.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/batches/{batchId}", Json);
        Assert.Equal(("good", "bad"), (detail.GetProperty("classes").GetProperty("negative").GetString(), detail.GetProperty("classes").GetProperty("positive").GetString()));
        var product = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}", Json);
        Assert.Equal("good", product.GetProperty("schema").GetProperty("negativeClass").GetString());

        var change = await client.PutAsJsonAsync($"/api/products/{id}/schema",
            schema with { Columns = [.. schema.Columns, new ColumnSpec("channel", ColumnKind.Categorical, Nullable: true)] }, Json);

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        product = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}", Json);
        Assert.Equal("good", product.GetProperty("schema").GetProperty("negativeClass").GetString());
    }

    [Fact]
    public async Task ChangeSchema_BreakingChanges_Returns400NamingEachColumnAndKeepsTheVersion()
    {
        var client = _app.CreateClient();
        var id = await CreateProductAsync(client, "Strict rentals", TaskType.Regression, TestSchemas.Regression);
        var columns = TestSchemas.Regression.Columns.Where(c => c.Name != "hum")
            .Select(c => c.Name == "season" ? c with { AllowedValues = ["spring", "summer"] } : c.Name == "temp" ? c with { Kind = ColumnKind.Categorical, Min = null, Max = null } : c)
            .Append(new ColumnSpec("wind", ColumnKind.Numeric)).ToList();

        var problem = await ProblemAsync(await client.PutAsJsonAsync($"/api/products/{id}/schema", new ProductSchema(columns), Json), 400);

        var errors = problem.GetProperty("errors");
        Assert.Contains("would be removed", errors.GetProperty("schema.columns['hum']")[0].GetString());
        Assert.Contains("'autumn', 'winter'", errors.GetProperty("schema.columns['season']")[0].GetString());
        Assert.Contains("from Numeric to Categorical", errors.GetProperty("schema.columns['temp']")[0].GetString());
        Assert.Contains("must be nullable", errors.GetProperty("schema.columns['wind']")[0].GetString());
        var product = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}", Json);
        Assert.Equal(1, product.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(6, product.GetProperty("schema").GetProperty("columns").GetArrayLength());
    }

    [Fact]
    public async Task Retention_ExpiredBatch_LosesRowsAndFileButKeepsItsMetrics()
    {
        var client = _app.CreateClient();
        var id = await CreateTrainedRegressionProductAsync(client, "Forgetful rentals");
        var old = await UploadAsync(client, id, TestSchemas.RegressionCsv(25, seed: 41, withLabel: false, firstId: 11000));
        var recent = await UploadAsync(client, id, TestSchemas.RegressionCsv(25, seed: 42, withLabel: false, firstId: 12000));
        // History loaded today: its events are old (a backfill), but the retention setting counts from the upload.
        var history = await UploadAsync(client, id, TestSchemas.RegressionCsv(25, seed: 43, withLabel: false, firstId: 13000).Replace("2024-", "2015-", StringComparison.Ordinal));
        string oldHash;
        int metricPoints;
        await using (var db = await DbAsync())
        {
            var now = _app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            await db.Batches.Where(b => b.Id == old).ExecuteUpdateAsync(b => b.SetProperty(x => x.UploadedAt, now.AddDays(-10)));
            oldHash = await db.Batches.Where(b => b.Id == old).Select(b => b.FileHash).FirstAsync();
            metricPoints = await db.MetricPoints.CountAsync(p => p.BatchId == old);
        }
        Assert.True(metricPoints > 0);
        var put = await client.PutAsJsonAsync($"/api/products/{id}", new { name = "Forgetful rentals", retentionDays = 7 }, Json);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var purged = await _app.Services.GetRequiredService<RetentionService>().PurgeAsync(CancellationToken.None);

        Assert.Equal(1, purged);
        var gone = await ProblemAsync(await client.GetAsync($"/api/batches/{old}/predictions"), 410);
        Assert.Contains("retention", gone.GetProperty("detail").GetString());
        await ProblemAsync(await client.GetAsync($"/api/batches/{old}/predictions?format=csv"), 410);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/batches/{recent}/predictions")).StatusCode);
        var summary = await client.GetFromJsonAsync<JsonElement>($"/api/batches/{old}", Json);
        Assert.Equal(JsonValueKind.String, summary.GetProperty("batch").GetProperty("rowsPurgedAt").ValueKind);
        Assert.False(File.Exists(_app.Services.GetRequiredService<ContentStore>().PathFor(ContentStore.Batches, oldHash, ".csv")));
        await using (var db = await DbAsync())
        {
            Assert.Equal(0, await db.Predictions.CountAsync(p => p.BatchId == old));
            Assert.Equal(25, await db.Predictions.CountAsync(p => p.BatchId == recent));
            Assert.Equal(25, await db.Predictions.CountAsync(p => p.BatchId == history));
            Assert.Equal(metricPoints, await db.MetricPoints.CountAsync(p => p.BatchId == old));
        }
        Assert.Equal(0, await _app.Services.GetRequiredService<RetentionService>().PurgeAsync(CancellationToken.None));

        // A label for a purged row is refused naming the row and saying the retention setting removed such rows.
        var late = await ProblemAsync(await client.PostAsync($"/api/products/{id}/labels", CsvBody("id,cnt\nr11000,12\n")), 400);
        var message = late.GetProperty("errors").GetProperty("row 2, column 'id'")[0].GetString()!;
        Assert.StartsWith("no prediction of this product has row key 'r11000' (or its batch's rows were removed by the retention setting of 7 days: 1 batch", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_TimeZoneAndRetention_AreValidatedAndStored()
    {
        var client = _app.CreateClient();
        var id = await CreateProductAsync(client, "Zoned rentals", TaskType.Regression, TestSchemas.Regression);

        var bad = await ProblemAsync(await client.PutAsJsonAsync($"/api/products/{id}", new { name = "Zoned rentals", timeZone = "Mars/Olympus", retentionDays = 0 }, Json), 400);
        var good = await client.PutAsJsonAsync($"/api/products/{id}", new { name = "Zoned rentals", timeZone = "Asia/Shanghai", retentionDays = 90 }, Json);

        var errors = bad.GetProperty("errors");
        Assert.Contains("'Mars/Olympus' is not a time zone", errors.GetProperty("timeZone")[0].GetString());
        Assert.Contains("between 1 and 36500", errors.GetProperty("retentionDays")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var product = await good.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Equal(("Asia/Shanghai", 90), (product.GetProperty("timeZone").GetString(), product.GetProperty("retentionDays").GetInt32()));
    }

    [Fact]
    public async Task Create_MulticlassLabelWithoutClasses_Returns400NamingTheLabel()
    {
        var client = _app.CreateClient();
        var schema = new ProductSchema(
        [
            new("id", ColumnKind.Id, ColumnRole.RowKey), new("petal", ColumnKind.Numeric),
            new("species", ColumnKind.Categorical, ColumnRole.Label),
        ]);

        var response = await client.PostAsJsonAsync("/api/products", new { name = "Irises without classes", task = "MulticlassClassification", schema }, Json);

        var problem = await ProblemAsync(response, 400);
        Assert.Contains("list its classes in allowedValues", problem.GetProperty("errors").GetProperty("schema.columns['species']")[0].GetString());
    }
}
