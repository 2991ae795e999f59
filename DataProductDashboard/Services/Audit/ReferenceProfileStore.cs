using System.Collections.Concurrent;
using System.Text.Json;
using DataProductDashboard.Analysis;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Scoring;
using DataProductDashboard.Storage;

namespace DataProductDashboard.Services.Audit;

/// <summary>Reference profiles of model versions, saved as data/profiles/&lt;model hash&gt;.json when a version is
/// registered and kept in memory once read.</summary>
public sealed class ReferenceProfileStore(ContentStore store, ILogger<ReferenceProfileStore> logger)
{
    public const string Area = "profiles";
    private readonly ConcurrentDictionary<string, ReferenceProfile?> _profiles = new(StringComparer.Ordinal);

    /// <summary>Scores the reference data with the model and saves the profile under the model's hash.</summary>
    public async Task<ReferenceProfile> BuildAsync(string modelHash, ReadOnlyMemory<byte> modelZip, ColumnTable data, ProductSchema schema, TaskType task, CancellationToken ct)
    {
        var profile = await Task.Run(() =>
        {
            var model = ModelPackage.Load(modelZip.ToArray(), modelHash + ".zip");
            var scores = model.Score(data, schema, task, null, ct);
            return ReferenceProfile.Build(schema, data, scores.Probability ?? scores.Predicted);
        }, ct);
        var path = store.PathFor(Area, modelHash, ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = File.Create(path))
            await JsonSerializer.SerializeAsync(file, profile, JsonValueConverter.Options, ct);
        _profiles[modelHash] = profile;
        logger.LogInformation("Reference profile of model {Hash}: {Rows} rows", modelHash[..12], profile.Rows);
        return profile;
    }

    /// <summary>The profile of a model, or null when the version was registered without reference data.</summary>
    public ReferenceProfile? Get(string modelHash) => _profiles.GetOrAdd(modelHash, hash =>
    {
        var path = store.PathFor(Area, hash, ".json");
        if (!File.Exists(path))
            return null;
        using var file = File.OpenRead(path);
        return JsonSerializer.Deserialize<ReferenceProfile>(file, JsonValueConverter.Options);
    });
}
