using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataProductDashboard.Domain;
using DataProductDashboard.Tests.TestSupport;

namespace DataProductDashboard.Tests.Api;

/// <summary>Population coverage through the API: a batch with a fifth of its rows moved outside the training range has
/// row coverage of at most 0.85 and fails a coverage gate; its uncovered rows are listed with their reasons and
/// exported as CSV.</summary>
public sealed class CoverageApiTests(CoverageApiTests.Fixture fixture) : ApiTestBase, IClassFixture<CoverageApiTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public DashboardAppFactory App { get; } = new();
        public int ProductId { get; private set; }
        public int InsideBatch { get; private set; }
        public int ShiftedBatch { get; private set; }
        public int GateId { get; private set; }

        public async Task InitializeAsync()
        {
            var client = App.CreateClient();
            ProductId = await CreateProductAsync(client, "Loans coverage", TaskType.BinaryClassification, FairnessApiTests.Schema);
            var train = await client.PostAsync($"/api/products/{ProductId}/models/train",
                Multipart(TestSchemas.Utf8(FairnessApiTests.Csv(800, seed: 1, firstId: 1, withLabel: true).Csv), "loans.csv", "text/csv", ("trainer", "FastTree")));
            Assert.Equal("Succeeded", (await WaitForJobAsync(client, train.Headers.Location!.ToString())).GetProperty("state").GetString());
            var gate = await client.PostAsJsonAsync($"/api/products/{ProductId}/gates",
                new { scope = "Batch", metricKey = "coverage.rows", condition = "Gte", threshold = 0.95, severity = "Critical" }, Json);
            Assert.Equal(HttpStatusCode.Created, gate.StatusCode);
            GateId = (await gate.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
            InsideBatch = await UploadAsync(client, FairnessApiTests.Csv(200, seed: 5, firstId: 20_000, withLabel: false).Csv);
            ShiftedBatch = await UploadAsync(client, Shifted(FairnessApiTests.Csv(200, seed: 6, firstId: 30_000, withLabel: false).Csv));
        }

        /// <summary>Every fifth row's debt multiplied by 10 (far beyond the training maximum of about 3,000).</summary>
        public static string Shifted(string csv)
        {
            var lines = csv.TrimEnd('\n').Split('\n');
            var output = new StringBuilder(lines[0]).Append('\n');
            for (var i = 1; i < lines.Length; i++)
            {
                var cells = lines[i].Split(',');
                if (i % 5 == 0)
                    cells[2] = (double.Parse(cells[2], CultureInfo.InvariantCulture) * 10 + 5000).ToString(CultureInfo.InvariantCulture);
                output.AppendJoin(',', cells).Append('\n');
            }
            return output.ToString();
        }

        private async Task<int> UploadAsync(HttpClient client, string csv)
        {
            var response = await client.PostAsync($"/api/products/{ProductId}/batches", CsvBody(csv));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetInt32();
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private HttpClient Viewer => fixture.App.CreateClientWithRole(DashboardRoles.Viewer);

    private async Task<double> RowCoverageAsync(int batch) =>
        (await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/metrics?key=coverage.rows", Json))
            .EnumerateArray().Single(p => p.GetProperty("batchId").GetInt32() == batch).GetProperty("value").GetDouble();

    [Fact]
    public async Task Coverage_AFifthOfRowsBeyondTheTrainingRange_AtMost085AndTheGateFails()
    {
        Assert.True(await RowCoverageAsync(fixture.ShiftedBatch) <= 0.85);
        Assert.Equal(1.0, await RowCoverageAsync(fixture.InsideBatch), 1e-12);

        var shifted = await Viewer.GetFromJsonAsync<JsonElement>($"/api/batches/{fixture.ShiftedBatch}", Json);
        var inside = await Viewer.GetFromJsonAsync<JsonElement>($"/api/batches/{fixture.InsideBatch}", Json);
        Status(shifted, "Failed");
        Status(inside, "Passed");

        void Status(JsonElement detail, string expected) => Assert.Equal(expected,
            detail.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("gateRuleId").GetInt32() == fixture.GateId).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Coverage_PerSegmentAndPerColumn_AreStored()
    {
        var column = await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/metrics?key=coverage.column&column=debt", Json);
        var female = await Viewer.GetFromJsonAsync<JsonElement>($"/api/products/{fixture.ProductId}/metrics?key=coverage.rows&segment=sex%3Dfemale", Json);

        // 40 of 200 debts were shifted; an unshifted debt may fall just outside the training range by chance as well.
        Assert.InRange(column.EnumerateArray().Single(p => p.GetProperty("batchId").GetInt32() == fixture.ShiftedBatch).GetProperty("value").GetDouble(), 0.78, 0.8);
        Assert.Equal(2, female.GetArrayLength());
    }

    [Fact]
    public async Task Uncovered_ShiftedBatch_ListsEveryFifthRowWithItsReason()
    {
        var page = await Viewer.GetFromJsonAsync<JsonElement>($"/api/batches/{fixture.ShiftedBatch}/uncovered", Json);

        var items = page.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("rowIndex").GetInt32());
        Assert.Equal(items.Count, page.GetProperty("totalCount").GetInt32());
        Assert.InRange(items.Count, 40, 44);
        for (var row = 4; row < 200; row += 5)
        {
            Assert.Equal($"f{30_000 + row}", items[row].GetProperty("rowKey").GetString());
            Assert.Contains(items[row].GetProperty("reasons").EnumerateArray(), r => System.Text.RegularExpressions.Regex.IsMatch(r.GetString()!, @"^debt \d+ above the training maximum \d+"));
        }
    }

    [Fact]
    public async Task Uncovered_Csv_StreamsEveryUncoveredRow()
    {
        var csv = await Viewer.GetStringAsync($"/api/batches/{fixture.ShiftedBatch}/uncovered?format=csv");

        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("row_index,row_key,reasons", lines[0].TrimEnd('\r'));
        var listed = await Viewer.GetFromJsonAsync<JsonElement>($"/api/batches/{fixture.ShiftedBatch}/uncovered", Json);
        Assert.Equal(listed.GetProperty("totalCount").GetInt32() + 1, lines.Length);
        Assert.StartsWith("4,f30004,debt ", lines[1]);
    }

    [Fact]
    public async Task Uncovered_UnknownBatch_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Viewer.GetAsync("/api/batches/987654/uncovered")).StatusCode);
    }
}
