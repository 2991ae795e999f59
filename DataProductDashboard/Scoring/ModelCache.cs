using System.Collections.Concurrent;
using DataProductDashboard.Storage;

namespace DataProductDashboard.Scoring;

/// <summary>Loaded models by file hash, so a batch does not reload its model (an ML.NET zip or a packed ONNX model).
/// A model file this instance does not hold yet is fetched from the content store's shared copy on first use.</summary>
public sealed class ModelCache(ContentStore store)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IScoringModel?>>> _models = new(StringComparer.Ordinal);

    /// <summary>Where the direct-loss-estimation model of a regression version is kept, by the version's model hash.</summary>
    public const string ErrorModels = "error-models";

    /// <summary>The error model of a regression version trained in the app; null for others.</summary>
    public Task<IScoringModel?> ErrorModelAsync(string fileHash) => LoadAsync(ErrorModels, fileHash, "-error");

    /// <summary>The squared-error model of a regression version trained in the app (the estimated RMSE); null for
    /// others and for versions trained before it existed.</summary>
    public Task<IScoringModel?> SquaredErrorModelAsync(string fileHash) => LoadAsync(ErrorModels, SquaredName(fileHash), "");

    /// <summary>The file name (without extension) of a version's squared-error model under <see cref="ErrorModels"/>.</summary>
    public static string SquaredName(string fileHash) => fileHash + "-squared";

    public async Task<IScoringModel> GetAsync(string fileHash) =>
        await LoadAsync(ContentStore.Models, fileHash, "") ?? throw new FileNotFoundException($"The model file {fileHash} is not stored.");

    /// <summary>Loads a model once per area and name (the load is not cancelled: a later caller may be waiting for it); a
    /// failed load is forgotten, so the next call tries again.</summary>
    private async Task<IScoringModel?> LoadAsync(string area, string name, string suffix)
    {
        var key = area + "/" + name;
        var load = _models.GetOrAdd(key, _ => new Lazy<Task<IScoringModel?>>(async () =>
            await store.LocalCopyAsync(area, name, ".zip", CancellationToken.None) is { } path
                ? ModelPackage.Load(await File.ReadAllBytesAsync(path), name + suffix + ".zip")
                : null));
        try
        {
            return await load.Value;
        }
        catch
        {
            _models.TryRemove(new KeyValuePair<string, Lazy<Task<IScoringModel?>>>(key, load));
            throw;
        }
    }
}
