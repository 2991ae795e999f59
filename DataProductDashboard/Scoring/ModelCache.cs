using System.Collections.Concurrent;
using DataProductDashboard.Storage;

namespace DataProductDashboard.Scoring;

/// <summary>Loaded models by file hash, so a batch does not reload its model (an ML.NET zip or a packed ONNX model).</summary>
public sealed class ModelCache(ContentStore store)
{
    private readonly ConcurrentDictionary<string, Lazy<IScoringModel>> _models = new(StringComparer.Ordinal);

    public IScoringModel Get(string fileHash) => _models.GetOrAdd(fileHash, hash => new Lazy<IScoringModel>(() =>
        ModelPackage.Load(File.ReadAllBytes(store.PathFor(ContentStore.Models, hash, ".zip")), hash + ".zip"))).Value;
}
