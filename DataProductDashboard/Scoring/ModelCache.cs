using System.Collections.Concurrent;
using DataProductDashboard.Storage;

namespace DataProductDashboard.Scoring;

/// <summary>Loaded models by file hash, so a batch does not reload its model (an ML.NET zip or a packed ONNX model).</summary>
public sealed class ModelCache(ContentStore store)
{
    private readonly ConcurrentDictionary<string, Lazy<IScoringModel>> _models = new(StringComparer.Ordinal);

    /// <summary>Where the direct-loss-estimation model of a regression version is kept, by the version's model hash.</summary>
    public const string ErrorModels = "error-models";

    private readonly ConcurrentDictionary<string, Lazy<IScoringModel?>> _errorModels = new(StringComparer.Ordinal);

    /// <summary>The error model of a regression version trained in the app; null for others.</summary>
    public IScoringModel? ErrorModel(string fileHash) => _errorModels.GetOrAdd(fileHash, hash => new Lazy<IScoringModel?>(() =>
        store.PathFor(ErrorModels, hash, ".zip") is var path && File.Exists(path) ? ModelPackage.Load(File.ReadAllBytes(path), hash + "-error.zip") : null)).Value;

    private readonly ConcurrentDictionary<string, Lazy<IScoringModel?>> _squaredErrorModels = new(StringComparer.Ordinal);

    /// <summary>The squared-error model of a regression version trained in the app (the estimated RMSE); null for
    /// others and for versions trained before it existed.</summary>
    public IScoringModel? SquaredErrorModel(string fileHash) => _squaredErrorModels.GetOrAdd(fileHash, hash => new Lazy<IScoringModel?>(() =>
        store.PathFor(ErrorModels, SquaredName(hash), ".zip") is var path && File.Exists(path) ? ModelPackage.Load(File.ReadAllBytes(path), SquaredName(hash) + ".zip") : null)).Value;

    /// <summary>The file name (without extension) of a version's squared-error model under <see cref="ErrorModels"/>.</summary>
    public static string SquaredName(string fileHash) => fileHash + "-squared";

    public IScoringModel Get(string fileHash) => _models.GetOrAdd(fileHash, hash => new Lazy<IScoringModel>(() =>
        ModelPackage.Load(File.ReadAllBytes(store.PathFor(ContentStore.Models, hash, ".zip")), hash + ".zip"))).Value;
}
