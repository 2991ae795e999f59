using System.IO.Compression;
using System.Text.Json;
using DataProductDashboard.Scoring.Onnx;

namespace DataProductDashboard.Scoring;

/// <summary>What the model store keeps for a version: an ML.NET zip as it came, or an ONNX model packed in a zip with
/// its <see cref="OnnxBinding"/> (entries <see cref="OnnxEntry"/> and <see cref="BindingEntry"/>), so that one file
/// and one hash hold all it takes to score.</summary>
public static class ModelPackage
{
    public const string OnnxEntry = "dpd-onnx/model.onnx";
    public const string BindingEntry = "dpd-onnx/binding.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static byte[] PackOnnx(byte[] onnx, OnnxBinding binding)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            // Fixed entry times: the same model and binding always make the same package (and hash).
            var model = zip.CreateEntry(OnnxEntry, CompressionLevel.Optimal);
            model.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using (var stream = model.Open())
                stream.Write(onnx);
            var meta = zip.CreateEntry(BindingEntry, CompressionLevel.Optimal);
            meta.LastWriteTime = model.LastWriteTime;
            using (var stream = meta.Open())
                JsonSerializer.Serialize(stream, binding, Json);
        }
        return buffer.ToArray();
    }

    /// <summary>Loads a stored package: an ONNX model with its binding, or an ML.NET model.</summary>
    public static IScoringModel Load(byte[] package, string fileName)
    {
        if (TryUnpackOnnx(package) is { } onnx)
            return new OnnxModel(onnx.Model, onnx.Binding);
        return new MlNetModel(ModelLoader.Load(package, fileName, out _));
    }

    public static (byte[] Model, OnnxBinding Binding)? TryUnpackOnnx(byte[] package)
    {
        if (package.Length < 4 || package[0] != (byte)'P' || package[1] != (byte)'K')
            return null;
        using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        if (zip.GetEntry(OnnxEntry) is not { } model || zip.GetEntry(BindingEntry) is not { } meta)
            return null;
        using var bytes = new MemoryStream();
        using (var stream = model.Open())
            stream.CopyTo(bytes);
        using var json = meta.Open();
        return (bytes.ToArray(), JsonSerializer.Deserialize<OnnxBinding>(json, Json)!);
    }
}
