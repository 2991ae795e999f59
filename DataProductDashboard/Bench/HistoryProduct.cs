using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DataProductDashboard.Analysis;
using DataProductDashboard.Analysis.Performance;
using DataProductDashboard.Domain;
using DataProductDashboard.Services.Demo;
using DataProductDashboard.Services.Jobs;
using DataProductDashboard.Services.Products;

namespace DataProductDashboard.Bench;

/// <summary>The one product <see cref="HistoryBench"/> grows, driven through the REST API as a pipeline would (Admin
/// key): set up with a champion, a challenger, a KPI, seven batch gates and an A/B test, then fed batch after batch
/// (batch n: seed 10,000 + n, row keys from (n − 1) × rows + 1, no labels) and the labels of earlier batches. Every
/// call that does not answer as expected throws, naming the call, its status and its body.</summary>
public sealed class HistoryProduct
{
    public const double ChallengerShare = 0.2;
    private const int FirstBatchSeed = 10_000;
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly HttpClient _api;
    private readonly int _rows;

    private HistoryProduct(HttpClient api, int rows, int id, int experimentId)
    {
        _api = api;
        _rows = rows;
        Id = id;
        ExperimentId = experimentId;
    }

    public int Id { get; }

    public int ExperimentId { get; }

    /// <summary>Regression bike product; champion v1 (FastTree, 20,000 rows of seed 7) and challenger v2 (FastTree,
    /// 20,000 other rows, seed 8: a Candidate); a KPI "mean predicted rentals" per week (its target deliberately above
    /// what the model predicts, so the KPI is off target and business drift is found, as in a product with findings);
    /// seven batch gates; an A/B test v2 vs v1 on MAE with 20 % of the rows to the challenger.</summary>
    public static async Task<HistoryProduct> SetUpAsync(HttpClient api, int rows, CancellationToken ct)
    {
        var product = await SendAsync(api, HttpMethod.Post, "/api/products", JsonContent.Create(
            new CreateProductRequest("bench-history", "Grown by bench history", "bench", TaskType.Regression, DemoProducts.BikeSchema), options: Json),
            HttpStatusCode.Created, ct);
        var id = product["id"]!.GetValue<int>();
        var champion = await TrainAsync(api, id, dataSeed: 7, splitSeed: 7, ct);
        var challenger = await TrainAsync(api, id, dataSeed: 8, splitSeed: 8, ct);
        await PostJsonAsync(api, $"/api/products/{id}/kpis", new
        {
            name = "Mean predicted rentals", unit = "rentals", direction = "HigherIsBetter", target = 150, tolerance = 30, period = "Week",
            source = "BatchColumn", aggregate = "Mean", column = "prediction", runLength = 3,
        }, ct);
        foreach (var gate in Gates)
            await PostJsonAsync(api, $"/api/products/{id}/gates", gate, ct);
        var experiment = await PostJsonAsync(api, $"/api/products/{id}/experiments", new
        {
            challengerVersion = challenger, primaryMetric = PerformancePoints.Prefix + "mae", minimumDetectableEffect = 2.0,
            challengerShare = ChallengerShare, name = $"v{challenger} vs v{champion}",
        }, ct);
        return new HistoryProduct(api, rows, id, experiment["id"]!.GetValue<int>());
    }

    /// <summary>Seven batch-scope gates over what every batch has: performance (once labelled), concept drift, data
    /// drift, prediction drift, duplicate keys, a required column and a range check.</summary>
    private static readonly object[] Gates =
    [
        new { scope = "Batch", metricKey = PerformancePoints.Prefix + "mae", condition = "RelativeToReference", threshold = 10, bound = "NotAbove", severity = "Critical" },
        new { scope = "Batch", metricKey = PerformancePoints.ConceptDegraded, condition = "Eq", threshold = 0, severity = "Warning" },
        new { scope = "Batch", metricKey = AuditPoints.DriftShare, condition = "Lt", threshold = 0.5, severity = "Critical" },
        new { scope = "Batch", metricKey = AuditPoints.PredictionDrift, condition = "Eq", threshold = 0, severity = "Warning" },
        new { scope = "Batch", metricKey = AuditPoints.DuplicateRowKeys, condition = "Eq", threshold = 0, severity = "Critical" },
        new { scope = "Batch", metricKey = AuditPoints.ColumnMissingShare, column = "temp", condition = "Eq", threshold = 0, severity = "Critical" },
        new { scope = "Batch", metricKey = AuditPoints.ColumnOutOfRangeShare, column = "hum", condition = "Lte", threshold = 0.01, severity = "Warning" },
    ];

    /// <summary>A batch a day: batch n holds the events of day n from 2011-01-01, as a daily feed would (so a KPI's
    /// periods and the audit's windows advance with the history instead of piling up on the same dates). The bike
    /// schema holds 2011 and 2012 ('yr' 0–1), so after 731 days the calendar starts again.</summary>
    private static DateTime DayOf(int number) => new DateTime(2011, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddDays((number - 1) % 731);

    /// <summary>POSTs batch <paramref name="number"/> (generated in memory) and follows its job if it got one; answers
    /// the batch id and the wall time of the upload (until the batch is stored).</summary>
    public async Task<(int BatchId, TimeSpan Took)> UploadBatchAsync(int number, CancellationToken ct)
    {
        using var csv = new MemoryStream(_rows * 64);
        BikeShapedCsv.Write(csv, _rows, FirstBatchSeed + number, firstKey: FirstKey(number), day: DayOf(number));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv.GetBuffer(), 0, (int)csv.Length);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", $"history-{number.ToString("D5", CultureInfo.InvariantCulture)}.csv");
        var clock = Stopwatch.StartNew();
        using var response = await _api.PostAsync($"/api/products/{Id}/batches", form, ct);
        int batchId;
        if (response.StatusCode == HttpStatusCode.Created)
            batchId = (await ReadAsync(response, "batch upload", ct))["id"]!.GetValue<int>();
        else if (response.StatusCode == HttpStatusCode.Accepted)
            batchId = (await FollowAsync(_api, (await ReadAsync(response, "batch upload", ct))["id"]!.GetValue<Guid>(), ct)).BatchId
                ?? throw new InvalidOperationException($"The job of batch {number} succeeded without a batch id.");
        else
            throw await FailureAsync(response, $"POST batch {number}", ct);
        return (batchId, clock.Elapsed);
    }

    /// <summary>POSTs one label file with the true labels of batches <paramref name="first"/>..<paramref name="last"/>;
    /// answers the rows sent and the wall time of the upload.</summary>
    public async Task<(int Rows, TimeSpan Took)> UploadLabelsAsync(int first, int last, CancellationToken ct)
    {
        using var csv = new MemoryStream((last - first + 1) * _rows * 16);
        for (var n = first; n <= last; n++)
            BikeShapedCsv.WriteLabels(csv, _rows, FirstBatchSeed + n, FirstKey(n), withHeader: n == first, day: DayOf(n));
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv.GetBuffer(), 0, (int)csv.Length);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", $"labels-{first}-{last}.csv");
        var clock = Stopwatch.StartNew();
        using var response = await _api.PostAsync($"/api/products/{Id}/labels", form, ct);
        var took = clock.Elapsed;
        var rows = (last - first + 1) * _rows;
        var result = response.StatusCode == HttpStatusCode.OK ? await ReadAsync(response, "labels", ct) : throw await FailureAsync(response, $"POST labels of batches {first}–{last}", ct);
        if (result["rows"]?.GetValue<int>() is { } joined && joined != rows)
            throw new InvalidOperationException($"The labels of batches {first}–{last} joined {joined} rows, not {rows}.");
        return (rows, took);
    }

    private long FirstKey(int number) => ((long)(number - 1) * _rows) + 1;

    private static async Task<int> TrainAsync(HttpClient api, int productId, int dataSeed, int splitSeed, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(BikeShapedCsv.Generate(20_000, dataSeed, withLabel: true));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", $"train-{dataSeed}.csv");
        form.Add(new StringContent(nameof(TrainerKind.FastTree)), "trainer");
        form.Add(new StringContent(splitSeed.ToString(CultureInfo.InvariantCulture)), "seed");
        var job = await SendAsync(api, HttpMethod.Post, $"/api/products/{productId}/models/train", form, HttpStatusCode.Accepted, ct);
        var done = await FollowAsync(api, job["id"]!.GetValue<Guid>(), ct);
        return done.ModelVersion ?? throw new InvalidOperationException($"Training job {done.Id} succeeded without a model version.");
    }

    private static async Task<JobStatus> FollowAsync(HttpClient api, Guid jobId, CancellationToken ct)
    {
        while (true)
        {
            using var response = await api.GetAsync($"/api/jobs/{jobId}", ct);
            if (response.StatusCode != HttpStatusCode.OK)
                throw await FailureAsync(response, $"GET job {jobId}", ct);
            var job = (await response.Content.ReadFromJsonAsync<JobStatus>(Json, ct))!;
            if (job.State == JobState.Succeeded)
                return job;
            if (job.State == JobState.Failed)
                throw new InvalidOperationException($"Job {jobId} ({job.Kind}) failed: {job.Error}");
            await Task.Delay(PollEvery, ct);
        }
    }

    private static Task<JsonNode> PostJsonAsync(HttpClient api, string path, object body, CancellationToken ct) =>
        SendAsync(api, HttpMethod.Post, path, JsonContent.Create(body, body.GetType(), options: Json), HttpStatusCode.Created, ct);

    private static async Task<JsonNode> SendAsync(HttpClient api, HttpMethod method, string path, HttpContent content, HttpStatusCode expected, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await api.SendAsync(request, ct);
        return response.StatusCode == expected ? await ReadAsync(response, path, ct) : throw await FailureAsync(response, $"{method} {path}", ct);
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, string what, CancellationToken ct) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) ?? throw new InvalidOperationException($"{what} answered an empty body.");

    private static async Task<InvalidOperationException> FailureAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        return new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {(body.Length > 1000 ? body[..1000] + "…" : body)}");
    }
}
