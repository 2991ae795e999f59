using System.Collections.Concurrent;
using System.Text.Json;
using DataProductDashboard.Analysis;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Scoring;
using DataProductDashboard.Storage;

namespace DataProductDashboard.Services.Audit;

/// <summary>Reference profiles of model versions, saved as data/profiles/&lt;model hash&gt;.json (and in the shared copy
/// of the content store) when a version is registered, and kept in memory once read.</summary>
public sealed class ReferenceProfileStore(ContentStore store, ILogger<ReferenceProfileStore> logger)
{
    public const string Area = "profiles";
    private readonly ConcurrentDictionary<string, ReferenceProfile?> _profiles = new(StringComparer.Ordinal);

    /// <summary>Scores the reference data with the model and saves the profile under the model's hash.</summary>
    /// <param name="holdout">The hold-out rows of a version trained in the app (binary: without them the labelled
    /// reference rows serve; regression: their absolute errors make the band of the estimated MAE).</param>
    public async Task<ReferenceProfile> BuildAsync(string modelHash, ReadOnlyMemory<byte> modelZip, ColumnTable data, ProductSchema schema, TaskType task, CancellationToken ct,
        HoldoutSample? holdout = null)
    {
        var profile = await Task.Run(() =>
        {
            var model = ModelPackage.Load(modelZip.ToArray(), modelHash + ".zip");
            var scores = model.Score(data, schema, task, null, ct);
            var sample = task == TaskType.BinaryClassification ? holdout ?? LabelledRows(schema, data, scores) : task == TaskType.Regression ? holdout : null;
            return ReferenceProfile.Build(schema, data, scores.Probability ?? scores.Predicted, sample);
        }, ct);
        await store.WriteAsync(Area, modelHash, ".json", JsonSerializer.SerializeToUtf8Bytes(profile, JsonValueConverter.Options), ct);
        _profiles[modelHash] = profile;
        logger.LogInformation("Reference profile of model {Hash}: {Rows} rows", modelHash[..12], profile.Rows);
        return profile;
    }

    /// <summary>Binary: the reference rows that carry a label, with the model's probability and prediction; null
    /// without labels or probabilities.</summary>
    private static HoldoutSample? LabelledRows(ProductSchema schema, ColumnTable data, ScoreResult scores)
    {
        if (scores.Probability is not { } probability || schema.Label is not { } label)
            return null;
        var positive = schema.PositiveClass ?? ClassNames.DefaultPositive;
        double[]? codes = data.TryGetStrings(label.Name, out var texts)
            ? [.. texts.Select(t => t is null ? double.NaN : t == positive ? 1.0 : 0.0)]
            : data.TryGetNumeric(label.Name, out var numbers)
            ? [.. numbers.Select(v => double.IsNaN(v) ? double.NaN : v.ToString(System.Globalization.CultureInfo.InvariantCulture) == positive ? 1.0 : 0.0)]
            : null;
        if (codes is null)
            return null;
        var keep = Enumerable.Range(0, codes.Length).Where(i => !double.IsNaN(codes[i])).ToArray();
        return keep.Length == 0 ? null
            : new HoldoutSample([.. keep.Select(i => codes[i])], [.. keep.Select(i => (double)probability[i])], [.. keep.Select(i => (double)scores.Predicted[i])]);
    }

    /// <summary>The profile of a model, or null when the version was registered without reference data.</summary>
    public async Task<ReferenceProfile?> GetAsync(string modelHash, CancellationToken ct)
    {
        if (_profiles.TryGetValue(modelHash, out var known))
            return known;
        ReferenceProfile? profile = null;
        if (await store.LocalCopyAsync(Area, modelHash, ".json", ct) is { } path)
        {
            await using var file = File.OpenRead(path);
            profile = await JsonSerializer.DeserializeAsync<ReferenceProfile>(file, JsonValueConverter.Options, ct);
        }
        return _profiles.GetOrAdd(modelHash, profile);
    }
}
