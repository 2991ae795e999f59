using System.Text.Json;
using DataProductDashboard.Data;
using DataProductDashboard.Data.Entities;
using DataProductDashboard.Storage;
using DataProductDashboard.Hosting.Access;
using System.Globalization;
using DataProductDashboard.Domain;
using DataProductDashboard.Scoring;
using DataProductDashboard.Services.Jobs;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Releases;
using DataProductDashboard.Services.Trail;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataProductDashboard.Api;

/// <summary>/api/products/{productId}/models: model activation.</summary>
public static class ModelsApi
{
    public const string TrainJobKind = TrainingJobHandler.JobKind;

    public static RouteGroupBuilder MapModelsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/products/{productId:int}/models").WithTags("Models");
        group.MapGet("/", ListAsync).WithName("ListModelVersions").WithSummary("The model registry of a product, newest version first.");
        group.MapGet("/{version:int}", GetAsync).WithName("GetModelVersion").WithSummary("One model version.");
        group.MapGet("/{version:int}/lineage", LineageAsync).WithName("GetModelLineage")
            .Produces<ModelLineage>()
            .WithSummary("The whole life of a version: training data, parameters, who registered, trained, promoted, waived or rolled it back and when, "
                + "release-gate outcomes, the A/B tests it was in, the batches it scored; Accept: text/csv or ?format=csv gives the events as CSV.");
        api.MapGet("/products/{productId:int}/evaluation-set", GetEvaluationSetAsync).WithTags("Models").WithName("GetEvaluationSet")
            .WithSummary("The product's evaluation set (file name, SHA-256, labelled rows, when registered); 404 when it has none.");
        api.MapPut("/products/{productId:int}/evaluation-set", SetEvaluationSetAsync).WithTags("Models").WithName("SetEvaluationSet").AcceptsUpload(["text/csv"])
            .RequireAuthorization(DashboardPolicies.ModelWork).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Register (or replace) the product's evaluation set: a labelled CSV with the schema's columns (multipart field file, or a text/csv body), "
                + "checked like training data; versions can then be compared on it (GET …/models/compare?source=evaluation-set).");
        api.MapDelete("/products/{productId:int}/evaluation-set", ClearEvaluationSetAsync).WithTags("Models").WithName("ClearEvaluationSet")
            .RequireAuthorization(DashboardPolicies.ModelWork).WithSummary("Remove the product's evaluation set.");
        group.MapGet("/compare", CompareAsync).WithName("CompareModelVersions").Produces<ModelComparisonView>().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Versions compared on the same labelled production rows (?versions=1,2[&baseline=1][&batches=4]): metrics with 95% intervals, "
                + "differences against the baseline with paired tests, agreement, the rows they disagree on most; Accept: text/csv or ?format=csv exports those rows.");
        group.MapPost("/", UploadAsync).WithName("UploadModelVersion").AcceptsUpload(["application/zip", "application/octet-stream"],
                new UploadField("reference", "Reference data (CSV, with labels) the audit compares batches with.", Format: "binary"),
                new UploadField("notes", "Notes shown with the version."),
                new UploadField("featureOrder", "ONNX: the feature columns in the model's input order, comma-separated."),
                new UploadField("labelOutput", "ONNX: the output holding the predicted label or value."),
                new UploadField("scoreOutput", "ONNX: the output holding the probability.")).RequireAuthorization(DashboardPolicies.ModelWork)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Register an ML.NET model zip or an ONNX model, told apart by content (multipart: file, notes, and optionally reference = the training "
                + "data CSV, the drift reference). ONNX: one input per feature column named like it, or one float tensor [N, F] with featureOrder=\"a,b,c\"; "
                + "outputs found by shape or named with labelOutput / scoreOutput; checked against the schema (400 naming the input or output).");
        group.MapPost("/train", TrainAsync).WithName("TrainModelVersion").AcceptsUpload(["text/csv"],
                new UploadField("trainer", "The trainer (default FastTree).", Values: Enum.GetNames<TrainerKind>()),
                new UploadField("holdoutFraction", "Share of rows held out for evaluation (default 0.2).", Microsoft.OpenApi.JsonSchemaType.Number),
                new UploadField("seed", "Seed of the split and the trainer (default 42).", Microsoft.OpenApi.JsonSchemaType.Integer),
                new UploadField("notes", "Notes shown with the version.")).RequireAuthorization(DashboardPolicies.ModelWork)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Train a model in the app from a labelled CSV (multipart: file, trainer, holdoutFraction, seed); 202 + status URL.");
        group.MapPost("/{version:int}/promote", PromoteAsync).WithName("PromoteModelVersion").RequireAuthorization(DashboardPolicies.Manage).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Make a version the champion: its release gates are evaluated first; 409 naming the failing critical gates unless a waiver is active.");
        group.MapPost("/{version:int}/challenger", MarkChallengerAsync).WithName("MarkChallenger").RequireAuthorization(DashboardPolicies.ModelWork)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Mark a version as challenger: it scores each new production batch beside the champion (at most Dashboard:ShadowRowsPerBatch rows), "
                + "so both get metric points on the same rows (GET …/metrics, shadow=true). 409 for the champion, a retired version, or too many challengers.");
        group.MapDelete("/{version:int}/challenger", UnmarkChallengerAsync).WithName("UnmarkChallenger").RequireAuthorization(DashboardPolicies.ModelWork)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Stop shadow-scoring a challenger (it becomes a candidate again); its shadow history stays.");
        group.MapPost("/{version:int}/release-evaluation", EvaluateReleaseAsync).WithName("EvaluateRelease").RequireAuthorization(DashboardPolicies.Contribute)
            .WithSummary("Evaluate the release gates of a version now: hold-out metrics and shadow scoring of the latest production batches, against the champion.");
        group.MapPost("/{version:int}/waivers", WaiveAsync).WithName("WaiveReleaseGates").AcceptsJson<Contracts.WaiverRequest>().RequireAuthorization(DashboardPolicies.Manage)
            .WithSummary("Record a waiver ({ \"reason\": \"…\", \"expiresAt\": \"2026-12-31\" }): the version may be promoted despite failing critical release gates until it expires.");
        group.MapPost("/rollback", RollbackAsync).WithName("RollbackModel").RequireAuthorization(DashboardPolicies.Manage).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Put the previous champion back (no release gates); the rolled-back version is retired.");
        api.MapGet("/products/{productId:int}/waivers", WaiversAsync).WithName("ListWaivers").WithTags("Models").WithSummary("Waivers of a product's versions, newest first.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ModelVersionSummary>>> ListAsync(int productId, ModelRegistryService registry, CancellationToken ct) =>
        TypedResults.Ok(await registry.ListAsync(productId, ct));

    private static async Task<Ok<ModelVersionSummary>> MarkChallengerAsync(int productId, int version, HttpContext context, ChallengerService challengers,
        CancellationToken ct) =>
        TypedResults.Ok(await challengers.MarkAsync(productId, version, Actor.From(context.User), ct));

    private static async Task<Ok<ModelVersionSummary>> UnmarkChallengerAsync(int productId, int version, HttpContext context, ChallengerService challengers,
        CancellationToken ct) =>
        TypedResults.Ok(await challengers.UnmarkAsync(productId, version, Actor.From(context.User), ct));

    private static async Task<IResult> LineageAsync(int productId, int version, HttpRequest request, ModelLineageService lineage, CancellationToken ct)
    {
        var result = await lineage.GetAsync(productId, version, ct);
        if (!request.WantsCsv())
            return TypedResults.Ok(result);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ModelLineageService.ToCsv(result)), "text/csv",
            string.Create(CultureInfo.InvariantCulture, $"product-{productId}-v{version}-lineage.csv"));
    }

    private static async Task<Ok<EvaluationSetInfo>> GetEvaluationSetAsync(int productId, EvaluationSetService sets, CancellationToken ct) =>
        TypedResults.Ok(await sets.GetAsync(productId, ct) ?? throw new NotFoundException($"Data product {productId} has no evaluation set."));

    private static async Task<Ok<EvaluationSetInfo>> SetEvaluationSetAsync(int productId, HttpRequest request, EvaluationSetService sets, ProductsLookup lookup,
        CancellationToken ct)
    {
        await lookup.EnsureExistsAsync(productId, ct);
        using var upload = await UploadReader.ReadAsync(request, ["text/csv"], "evaluation.csv", ct);
        return TypedResults.Ok(await sets.SetAsync(productId, upload.Content, upload.FileName, Actor.From(request.HttpContext.User), ct));
    }

    private static async Task<NoContent> ClearEvaluationSetAsync(int productId, HttpContext context, EvaluationSetService sets, CancellationToken ct)
    {
        await sets.ClearAsync(productId, Actor.From(context.User), ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> CompareAsync(int productId, HttpRequest request, ModelComparisonService comparison, CancellationToken ct,
        string? versions = null, int? baseline = null, int batches = ModelComparisonService.DefaultBatches, string? source = null)
    {
        var numbers = ModelComparisonService.ParseVersions(versions);
        var (view, rows) = await comparison.RunAsync(productId, numbers, baseline, batches, ct, ModelComparisonService.ParseSource(source));
        if (!request.WantsCsv())
            return TypedResults.Ok(view);
        return TypedResults.Stream(stream => ModelComparisonService.WriteDisagreementsCsvAsync(view, rows, stream, ct), "text/csv",
            string.Create(CultureInfo.InvariantCulture, $"product-{productId}-compare-{string.Join("-", numbers.Select(n => $"v{n}"))}.csv"));
    }

    private static async Task<Ok<ModelVersionSummary>> GetAsync(int productId, int version, ModelRegistryService registry, CancellationToken ct) =>
        TypedResults.Ok(await registry.GetAsync(productId, version, ct));

    private static async Task<Created<ModelVersionSummary>> UploadAsync(int productId, HttpRequest request, ModelRegistryService registry, CancellationToken ct)
    {
        using var upload = await UploadReader.ReadAsync(request, ["application/zip", "application/octet-stream"], "model.zip", ct);
        ReadOnlyMemory<byte>? reference = null;
        string? referenceName = null;
        if (upload.Extra?.TryGetValue("reference", out var file) == true)
            (reference, referenceName) = (file.ReadAllBytes(), file.FileName);
        var onnx = new OnnxUpload(upload.Field("featureOrder"), upload.Field("labelOutput"), upload.Field("scoreOutput"));
        var version = await registry.RegisterUploadAsync(productId, upload.Content, upload.FileName, upload.Field("notes"),
            reference, referenceName, ct, Actor.From(request.HttpContext.User), onnx is { FeatureOrder: null, LabelOutput: null, ScoreOutput: null } ? null : onnx);
        return TypedResults.Created($"/api/products/{productId}/models/{version.Number}", version);
    }

    private static async Task<Accepted<JobStatus>> TrainAsync(int productId, HttpRequest request, ModelRegistryService registry,
        ProductsLookup lookup, JobTracker jobs, ContentStore store, CancellationToken ct)
    {
        await lookup.EnsureExistsAsync(productId, ct);
        using var upload = await UploadReader.ReadAsync(request, ["text/csv"], "training.csv", ct);
        var trainRequest = ParseTrainRequest(upload);
        var rows = await registry.CheckTrainingDataAsync(productId, upload.Content, upload.FileName, ct, trainRequest.Trainer);
        await store.AdoptAsync(ContentStore.JobInputs, upload.File, ".csv", ct);
        var job = await jobs.EnqueueAsync(new Job
        {
            Kind = TrainingJobHandler.JobKind, ProductId = productId, RowsTotal = rows, InputArea = ContentStore.JobInputs,
            InputHash = upload.File.Hash, InputExtension = ".csv", InputFileName = upload.FileName,
            Parameters = JsonSerializer.Serialize(trainRequest, JsonValueConverter.Options), CreatedBy = Actor.From(request.HttpContext.User).Name,
        }, CancellationToken.None);
        return TypedResults.Accepted($"/api/jobs/{job.Id}", job);
    }

    private static async Task<Ok<ReleaseDecision>> PromoteAsync(int productId, int version, HttpContext context, ReleaseService releases, CancellationToken ct) =>
        TypedResults.Ok(await releases.PromoteAsync(productId, version, Actor.From(context.User), ct));

    private static async Task<Ok<ReleaseDecision>> EvaluateReleaseAsync(int productId, int version, ReleaseService releases, CancellationToken ct) =>
        TypedResults.Ok(await releases.EvaluateAsync(productId, version, ct));

    private static async Task<Created<WaiverView>> WaiveAsync(int productId, int version, HttpContext context, ReleaseService releases, CancellationToken ct)
    {
        using var body = await JsonBody.ReadAsync(context.Request, ct);
        var reason = body.String("reason", required: true);
        var expires = body.Time("expiresAt", required: true);
        body.ThrowIfInvalid("waiver");
        var waiver = await releases.WaiveAsync(productId, version, reason, expires, Actor.From(context.User), ct);
        return TypedResults.Created($"/api/products/{productId}/waivers", waiver);
    }

    private static async Task<Ok<ModelVersionSummary>> RollbackAsync(int productId, HttpContext context, ReleaseService releases, CancellationToken ct) =>
        TypedResults.Ok(await releases.RollbackAsync(productId, Actor.From(context.User), ct));

    private static async Task<Ok<IReadOnlyList<WaiverView>>> WaiversAsync(int productId, ReleaseService releases, CancellationToken ct) =>
        TypedResults.Ok(await releases.ListWaiversAsync(productId, ct));

    private static TrainModelRequest ParseTrainRequest(Upload upload)
    {
        var errors = new Dictionary<string, string[]>();
        var trainer = TrainerKind.FastTree;
        if (upload.Field("trainer") is { } t && !EnumNames.TryParse(t, out trainer))
            errors["trainer"] = [$"'{t}' is not a trainer; use one of {string.Join(", ", Enum.GetNames<TrainerKind>())}."];
        var holdout = 0.2;
        if (upload.Field("holdoutFraction") is { } h
            && (!double.TryParse(h, NumberStyles.Float, CultureInfo.InvariantCulture, out holdout) || !ModelTrainer.IsValidHoldoutFraction(holdout)))
            errors["holdoutFraction"] = [ModelTrainer.HoldoutRangeMessage(h)];
        var seed = 42;
        if (upload.Field("seed") is { } s && !int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
            errors["seed"] = [$"'{s}' is not a whole number (a seed between {int.MinValue} and {int.MaxValue})."];
        if (errors.Count > 0)
            throw new InputValidationException("The training options are not valid.", errors);
        return new TrainModelRequest(trainer, holdout, seed, upload.Field("notes"));
    }
}
