using System.Collections.Concurrent;
using DataProductDashboard.Storage;
using Microsoft.ML;

namespace DataProductDashboard.Scoring;

/// <summary>Loaded models by file hash, so a batch does not reload its model zip.</summary>
public sealed class ModelCache(ContentStore store)
{
    private readonly ConcurrentDictionary<string, Lazy<ITransformer>> _models = new(StringComparer.Ordinal);

    public ITransformer Get(string fileHash) => _models.GetOrAdd(fileHash, hash => new Lazy<ITransformer>(() =>
    {
        var bytes = File.ReadAllBytes(store.PathFor(ContentStore.Models, hash, ".zip"));
        return ModelLoader.Load(bytes, hash + ".zip", out _);
    })).Value;
}
