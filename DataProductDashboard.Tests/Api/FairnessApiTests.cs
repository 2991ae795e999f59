using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

/// <summary>Segments and fairness end to end through the API: a binary product with two sensitive attributes (sex as a
/// Segment column, region as a feature flagged isSegment), a model trained in the app, batches uploaded before their
/// labels; the fairness endpoint checked against an independent computation from the exported predictions, the
/// per-segment points, and segment-scoped and fairness gates.</summary>
[Trait(Providers.Trait, Providers.Both)]
public sealed class FairnessApiTests(FairnessApiTests.Fixture fixture) : ApiTestBase, IClassFixture<FairnessApiTests.Fixture>
{
    public static readonly ProductSchema Schema = new(
    [
        new("id", ColumnKind.Id, ColumnRole.RowKey),
        new("income", ColumnKind.Numeric, Min: 0),
        new("debt", ColumnKind.Numeric, Min: 0),
        new("region", ColumnKind.Categorical, AllowedValues: ["north", "south", "east"], IsSegment: true),
        new("sex", ColumnKind.Categorical, ColumnRole.Segment, AllowedValues: ["female", "male"], IsSegment: true),
        new("outcome", ColumnKind.Categorical, ColumnRole.Label, AllowedValues: ["repaid", "default"]),
    ], PositiveClass: "default");

    private static readonly string[] Regions = ["north", "south", "east"];

    /// <summary>Rows where women earn less on average (so a model of income and debt selects them more often), and a
    /// default follows the debt-to-income ratio with noise.</summary>
    public static (string Csv, Dictionary<string, (string Sex, string Region, bool Default)> Rows) Csv(int rows, int seed, int firstId, bool withLabel)
    {
        var random = new Random(seed);
        var csv = new StringBuilder(withLabel ? "id,income,debt,region,sex,outcome\n" : "id,income,debt,region,sex\n");
        var truth = new Dictionary<string, (string, string, bool)>(StringComparer.Ordinal);
        for (var i = 0; i < rows; i++)
        {
            var sex = random.NextDouble() < 0.4 ? "female" : "male";
            var region = Regions[random.Next(3)];
            var income = Math.Round((sex == "female" ? 2500 : 3200) + (random.NextDouble() * 2000), 0);
            var debt = Math.Round(random.NextDouble() * 3000, 0);
            var defaulted = (debt / income) + (random.NextDouble() * 0.4) > 0.75;
            var id = $"f{firstId + i}";
            truth[id] = (sex, region, defaulted);
            csv.Append(CultureInfo.InvariantCulture, $"{id},{income},{debt},{region},{sex}");
            if (withLabel)
                csv.Append(defaulted ? ",default" : ",repaid");
            csv.Append('\n');
        }
        return (csv.ToString(), truth);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public static readonly CapturingLoggerProvider Logs = new();

        public DashboardAppFactory App { get; } = new(logs: Logs);
        public int ProductId { get; private set; }
        public List<int> Batches { get; } = [];
        public Dictionary<string, (string Sex, string Region, bool Default)> Truth { get; } = new(StringComparer.Ordinal);

        /// <summary>Batches 0–2 are labelled, batch 3 is not.</summary>
        public async Task InitializeAsync()
        {
            var client = App.CreateClient();
            ProductId = await CreateProductAsync(client, "Loans", TaskType.BinaryClassification, Schema);
            var train = await client.PostAsync($"/api/products/{ProductId}/models/train",
                Multipart(TestSchemas.Utf8(Csv(800, seed: 1, firstId: 1, withLabel: true).Csv), "loans.csv", "text/csv", ("trainer", "FastTree")));
            Assert.Equal(HttpStatusCode.Accepted, train.StatusCode);
            Assert.Equal("Succeeded", (await WaitForJobAsync(client, train.Headers.Location!.ToString())).GetProperty("state").GetString());
            for (var b = 0; b < 4; b++)
            {
                var (csv, truth) = Csv(150, seed: 10 + b, firstId: 10_000 * (b + 1), withLabel: false);
                var response = await client.PostAsync($"/api/products/{ProductId}/batches", CsvBody(csv));
                Assert.True(response.StatusCode == HttpStatusCode.Created, string.Join("\n", Logs.Entries.Select(e => e.Message + " " + e.Exception)));
                Batches.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32());
                if (b < 3)
                {
                    foreach (var row in truth)
                        Truth[row.Key] = row.Value;
                }
            }
            var labels = new StringBuilder("id,outcome\n");
            foreach (var (id, row) in Truth)
                labels.Append(id).Append(',').Append(row.Default ? "default" : "repaid").Append('\n');
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/products/{ProductId}/labels", CsvBody(labels.ToString()))).StatusCode);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private readonly DashboardAppFactory _app = fixture.App;

    private HttpClient Viewer => _app.CreateClientWithRole(DashboardRoles.Viewer);

    /// <summary>Every labelled prediction of the product, from the predictions export, with the row's own attributes.</summary>
    private async Task<List<(string Sex, string Region, bool Predicted, bool Label)>> LabelledRowsAsync(int? batch = null)
    {
        var rows = new List<(string, string, bool, bool)>();
        foreach (var id in batch is { } one ? [one] : fixture.Batches)
        {
            var page = await Viewer.GetFromJsonAsync<JsonElement>($"/api/batches/{id}/predictions?pageSize=500", Json);
            foreach (var p in page.GetProperty("items").EnumerateArray())
            {
                if (p.GetProperty("label").ValueKind == JsonValueKind.Null)
                    continue;
                var truth = fixture.Truth[p.GetProperty("rowKey").GetString()!];
                rows.Add((truth.Sex, truth.Region, p.GetProperty("predicted").GetDouble() == 1, p.GetProperty("label").GetDouble() == 1));
            }
        }
        return rows;
    }

    private static double Rate(IEnumerable<(string Sex, string Region, bool Predicted, bool Label)> rows, Func<(string Sex, string Region, bool Predicted, bool Label), bool> hit)
    {
        var list = rows.ToList();
        return list.Count == 0 ? double.NaN : (double)list.Count(hit) / list.Count;
    }

    [Fact]
    public async Task Fairness_EveryLabelledRow_EqualsAnIndependentComputationFromTheExportedPredictions()
    {
        var rows = await LabelledRowsAsync();
        var report = await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/fairness?attribute=sex", Json);

        Assert.Equal("sex", report.GetProperty("attribute").GetString());
        Assert.Equal(450, rows.Count);
        var groups = report.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!);
        Assert.Equal(["female", "male"], groups.Keys.Order());
        var selection = new Dictionary<string, double>();
        var tpr = new Dictionary<string, double>();
        var fpr = new Dictionary<string, double>();
        foreach (var (name, g) in groups)
        {
            var mine = rows.Where(r => r.Sex == name).ToList();
            Assert.Equal(mine.Count, g.GetProperty("support").GetInt32());
            selection[name] = Rate(mine, r => r.Predicted);
            tpr[name] = Rate(mine.Where(r => r.Label), r => r.Predicted);
            fpr[name] = Rate(mine.Where(r => !r.Label), r => r.Predicted);
            Assert.Equal(selection[name], g.GetProperty("selectionRate").GetDouble(), 1e-9);
            Assert.Equal(tpr[name], g.GetProperty("truePositiveRate").GetDouble(), 1e-9);
            Assert.Equal(fpr[name], g.GetProperty("falsePositiveRate").GetDouble(), 1e-9);
            Assert.Equal(Rate(mine.Where(r => r.Predicted), r => r.Label), g.GetProperty("precision").GetDouble(), 1e-9);
            Assert.Equal(Rate(mine, r => r.Predicted == r.Label), g.GetProperty("accuracy").GetDouble(), 1e-9);
        }
        var metrics = report.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        double Range(Dictionary<string, double> v) => v.Values.Max() - v.Values.Min();
        Assert.Equal(Range(selection), metrics["demographicParityDifference"].GetProperty("value").GetDouble(), 1e-9);
        Assert.Equal(selection.Values.Min() / selection.Values.Max(), metrics["demographicParityRatio"].GetProperty("value").GetDouble(), 1e-9);
        Assert.Equal(selection.Values.Min() / selection.Values.Max(), metrics["disparateImpact"].GetProperty("value").GetDouble(), 1e-9);
        Assert.Equal(Math.Max(Range(tpr), Range(fpr)), metrics["equalizedOddsDifference"].GetProperty("value").GetDouble(), 1e-9);
        Assert.Equal(Range(tpr), metrics["equalOpportunityDifference"].GetProperty("value").GetDouble(), 1e-9);
        foreach (var m in metrics.Values)
            Assert.True(m.GetProperty("ciLow").GetDouble() <= m.GetProperty("value").GetDouble() && m.GetProperty("value").GetDouble() <= m.GetProperty("ciHigh").GetDouble(), m.ToString());
        Assert.Contains("Share predicted 'default' for sex = ", report.GetProperty("finding").GetString());
    }

    [Fact]
    public async Task Fairness_Intersection_CrossesTheTwoAttributes()
    {
        var rows = await LabelledRowsAsync();
        var report = await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/fairness?attribute={Uri.EscapeDataString("sex × region")}", Json);

        Assert.Equal("sex × region", report.GetProperty("attribute").GetString());
        var groups = report.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(6, groups.Count);
        var femaleNorth = groups.Single(g => g.GetProperty("group").GetString() == "female × north");
        Assert.Equal(rows.Count(r => r.Sex == "female" && r.Region == "north"), femaleNorth.GetProperty("support").GetInt32());
        Assert.Equal(femaleNorth.GetProperty("support").GetInt32() >= 30, femaleNorth.GetProperty("judged").GetBoolean());
        var crossed = await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/fairness?attribute=sex&crossWith=region", Json);
        Assert.Equal(report.GetProperty("metrics").ToString(), crossed.GetProperty("metrics").ToString());
    }

    [Fact]
    public async Task Fairness_OneBatch_CountsThatBatchsLabelledRowsOnly()
    {
        var rows = await LabelledRowsAsync(fixture.Batches[1]);
        var report = await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/fairness?attribute=region&batchId={fixture.Batches[1]}", Json);
        var unlabelled = await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/fairness?attribute=region&batchId={fixture.Batches[3]}", Json);

        Assert.Equal(150, report.GetProperty("labelledRows").GetInt32());
        Assert.Equal(rows.Count(r => r.Region == "east"), report.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "east").GetProperty("support").GetInt32());
        Assert.Equal(0, unlabelled.GetProperty("labelledRows").GetInt32());
        Assert.Empty(unlabelled.GetProperty("groups").EnumerateArray());
    }

    [Theory]
    [InlineData("", "attribute", "'sex', 'region'")]
    [InlineData("?attribute=income", "attribute", "'income' is not a segment attribute")]
    [InlineData("?attribute=sex&crossWith=sex", "crossWith", "cannot be crossed with itself")]
    [InlineData("?attribute=sex&minSupport=0", "minSupport", "between 1 and")]
    [InlineData("?attribute=sex&from=2030-01-01&to=2020-01-01", "from", "is after 'to'")]
    public async Task Fairness_BadQuery_400NamesTheField(string query, string field, string fragment)
    {
        var response = await Viewer.GetAsync($"/api/products/{fixture.ProductId}/fairness{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Contains(fragment, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Fairness_RegressionProduct_409SaysItNeedsBinaryClassification()
    {
        var id = await CreateProductAsync(_app.CreateClient(), "Rentals for fairness", TaskType.Regression, TestSchemas.Regression);

        var response = await Viewer.GetAsync($"/api/products/{id}/fairness?attribute=season");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("defined for binary classification", (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Fairness_BatchOfAnotherProduct_404()
    {
        var response = await Viewer.GetAsync($"/api/products/{fixture.ProductId}/fairness?attribute=sex&batchId=999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SegmentPoints_ValueInAnotherCase_400NamesTheStoredSegment()
    {
        var response = await Viewer.GetAsync($"/api/products/{fixture.ProductId}/metrics?key=batch.rows&segment=sex%3DFemale");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("did you mean 'sex=female'?", (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").GetProperty("segment")[0].GetString());
        Assert.Equal(0, (await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/metrics?key=batch.rows&segment=sex%3Dother", Json)).GetArrayLength());
        // A segment that exists, in a range without its points, is an empty answer.
        Assert.Equal(0, (await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/metrics?key=batch.rows&segment=sex%3Dfemale&to=2000-01-01T00:00:00Z", Json)).GetArrayLength());
    }

    [Fact]
    public async Task SegmentPoints_EachBatch_CountTheSegmentsRowsAndTheirPerformance()
    {
        var rows = await LabelledRowsAsync(fixture.Batches[0]);
        var support = await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/metrics?key=batch.rows&segment=sex%3Dfemale", Json);
        var accuracy = await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/metrics?key=perf.accuracy&segment=sex%3Dfemale", Json);
        var share = await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/metrics?key=prediction.positive_share&segment=region%3Deast", Json);

        Assert.Equal(4, support.GetArrayLength());
        var first = support.EnumerateArray().Single(p => p.GetProperty("batchId").GetInt32() == fixture.Batches[0]);
        Assert.Equal(rows.Count(r => r.Sex == "female"), first.GetProperty("value").GetDouble());
        Assert.Equal(3, accuracy.GetArrayLength());
        Assert.Equal(Rate(rows.Where(r => r.Sex == "female"), r => r.Predicted == r.Label),
            accuracy.EnumerateArray().Single(p => p.GetProperty("batchId").GetInt32() == fixture.Batches[0]).GetProperty("value").GetDouble(), 1e-9);
        Assert.Equal(Rate(rows.Where(r => r.Region == "east"), r => r.Predicted),
            share.EnumerateArray().Single(p => p.GetProperty("batchId").GetInt32() == fixture.Batches[0]).GetProperty("value").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task FairnessPoints_WindowOfFourBatches_EqualTheEndpointOverTheSameBatches()
    {
        var points = await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/metrics?key=fairness.equal_opportunity_difference&column=sex", Json);
        var report = await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/fairness?attribute=sex", Json);

        // The fourth batch's window holds all four batches; its labelled rows are the first three batches'.
        var last = points.EnumerateArray().Single(p => p.GetProperty("batchId").GetInt32() == fixture.Batches[3]);
        var expected = report.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "equalOpportunityDifference");
        Assert.Equal(expected.GetProperty("value").GetDouble(), last.GetProperty("value").GetDouble(), 1e-9);
    }

    [Theory]
    [InlineData("perf.accuracy", null, "sex=female", HttpStatusCode.Created, null)]
    [InlineData("prediction.positive_share", null, "region=east", HttpStatusCode.Created, null)]
    [InlineData("fairness.disparate_impact", "sex", null, HttpStatusCode.Created, null)]
    [InlineData("perf.accuracy", null, "sex=other", HttpStatusCode.BadRequest, "'other' is not a value of 'sex'")]
    [InlineData("perf.accuracy", null, "sex=Female", HttpStatusCode.BadRequest, "case-sensitive: did you mean 'female'?")]
    [InlineData("perf.accuracy", null, "income=1", HttpStatusCode.BadRequest, "'income' is not a segment attribute")]
    [InlineData("perf.accuracy", null, "female", HttpStatusCode.BadRequest, "write attribute=value")]
    [InlineData("dq.missing_share", null, "sex=female", HttpStatusCode.BadRequest, "is not measured per segment")]
    [InlineData("fairness.disparate_impact", "income", null, HttpStatusCode.BadRequest, "'income' is not a segment attribute")]
    public async Task CreateGate_Segment_AcceptedWhereMeasured(string key, string? column, string? segment, HttpStatusCode status, string? fragment)
    {
        var response = await _app.CreateClient().PostAsJsonAsync($"/api/products/{fixture.ProductId}/gates",
            new { scope = "Batch", metricKey = key, column, segment, condition = "Gte", threshold = 0.5, severity = "Warning" }, Json);

        Assert.True(status == response.StatusCode, await response.Content.ReadAsStringAsync());
        if (fragment is not null)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
            var field = segment is null ? "column" : "segment";
            Assert.Contains(fragment, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        }
    }

    [Fact]
    public async Task ReleaseGate_ShadowFairnessAndSegmentAccuracy_HaveValues()
    {
        var client = _app.CreateClient();
        var ids = new List<int>();
        foreach (var rule in new object[]
        {
            new { scope = "Release", metricKey = "shadow.fairness.disparate_impact", column = "sex", condition = "Gte", threshold = 0.0, severity = "Warning" },
            new { scope = "Release", metricKey = "shadow.accuracy", segment = "sex=female", condition = "Gte", threshold = 0.0, severity = "Warning" },
        })
        {
            var created = await client.PostAsJsonAsync($"/api/products/{fixture.ProductId}/gates", rule, Json);
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32());
        }

        var decision = await (await client.PostAsync($"/api/products/{fixture.ProductId}/models/1/release-evaluation", null)).Content.ReadFromJsonAsync<JsonElement>(Json);

        var outcomes = decision.GetProperty("outcomes").EnumerateArray().ToList();
        var fairness = outcomes.Single(g => g.GetProperty("gateRuleId").GetInt32() == ids[0]);
        var segment = outcomes.Single(g => g.GetProperty("gateRuleId").GetInt32() == ids[1]);
        Assert.Equal("Passed", fairness.GetProperty("status").GetString());
        Assert.InRange(fairness.GetProperty("actual").GetDouble(), 0, 1);
        Assert.Equal("Passed", segment.GetProperty("status").GetString());
        Assert.True(decision.GetProperty("candidate").TryGetProperty("shadow.accuracy{sex=female}", out _), decision.GetProperty("candidate").ToString());
    }

    [Fact]
    public async Task Compare_TwoVersions_ReportsEachVersionsFairnessOnTheSameRows()
    {
        var client = _app.CreateClient();
        var train = await client.PostAsync($"/api/products/{fixture.ProductId}/models/train",
            Multipart(TestSchemas.Utf8(Csv(600, seed: 2, firstId: 1, withLabel: true).Csv), "loans-v2.csv", "text/csv", ("trainer", "Sdca")));
        var job = await WaitForJobAsync(client, train.Headers.Location!.ToString());
        var version = job.GetProperty("modelVersion").GetInt32();
        var rows = await LabelledRowsAsync();

        var view = await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/models/compare?versions=1,{version}", Json);

        var fairness = view.GetProperty("fairness").EnumerateArray().ToList();
        Assert.Equal(4, fairness.Count); // two attributes × two versions
        var v1 = fairness.Single(f => f.GetProperty("attribute").GetString() == "sex" && f.GetProperty("version").GetInt32() == 1);
        var parity = v1.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "demographicParityDifference");
        var selection = rows.GroupBy(r => r.Sex).Select(g => Rate(g, r => r.Predicted)).ToList();
        Assert.Equal(selection.Max() - selection.Min(), parity.GetProperty("value").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task EstimatedAccuracy_BeforeLabels_WithinItsBandOfTheRealizedAccuracy()
    {
        async Task<Dictionary<int, double>> Points(string key) =>
            (await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/metrics?key={key}&modelVersion=1", Json)).EnumerateArray()
                .Where(p => !p.GetProperty("shadow").GetBoolean()).ToDictionary(p => p.GetProperty("batchId").GetInt32(), p => p.GetProperty("value").GetDouble());

        var estimated = await Points("estimated.accuracy");
        var errors = await Points("estimated_se.accuracy");
        var realized = await Points("perf.accuracy");

        Assert.Equal(fixture.Batches.Order(), estimated.Keys.Order()); // every batch, the unlabelled one too
        foreach (var batch in fixture.Batches.Take(3))
        {
            Assert.InRange(errors[batch], 0.005, 0.1);
            Assert.True(Math.Abs(estimated[batch] - realized[batch]) <= 3 * errors[batch],
                $"batch {batch}: estimated {estimated[batch]:0.000} ± 3 × {errors[batch]:0.000}, realized {realized[batch]:0.000}");
        }
    }

    [Fact]
    public async Task WeakSegments_LabelledBatches_AnswersTheSlicesOfTheChampion()
    {
        var report = await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/weak-segments?batches=3", Json);

        Assert.Equal(1, report.GetProperty("version").GetInt32());
        Assert.Equal(450, report.GetProperty("rows").GetInt32());
        Assert.Equal("error rate", report.GetProperty("error").GetString());
        Assert.All(report.GetProperty("slices").EnumerateArray(), s =>
        {
            Assert.True(s.GetProperty("share").GetDouble() >= 0.05);
            Assert.True(s.GetProperty("effect").GetDouble() > 0);
            Assert.True(s.GetProperty("adjustedPValue").GetDouble() < 0.05);
        });
    }

    [Theory]
    [InlineData("?batches=0", "batches")]
    [InlineData("?version=9", "version")]
    [InlineData("?against=1", "against")]
    public async Task WeakSegments_BadQuery_400NamesTheField(string query, string field)
    {
        var response = await Viewer.GetAsync($"/api/products/{fixture.ProductId}/weak-segments{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("errors").TryGetProperty(field, out _));
    }
}
