using System.Diagnostics;
using System.Globalization;
using DataProductDashboard.Domain;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace DataProductDashboard.Scoring.Onnx;

/// <summary>An ONNX model run by ONNX Runtime through its <see cref="OnnxBinding"/>. The first rows of a table are
/// scored one per call (their times are the per-row latency, as ML.NET models are timed), the rest in blocks.</summary>
public sealed class OnnxModel : IScoringModel, IDisposable
{
    /// <summary>Rows per table scored one at a time, to measure the per-row latency.</summary>
    public const int TimedRows = 256;
    private const int BlockRows = 4_096;

    private readonly InferenceSession _session;
    private readonly string[] _outputs;

    public OnnxModel(byte[] onnx, OnnxBinding binding)
    {
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        _session = new InferenceSession(onnx, options);
        Binding = binding;
        _outputs = binding.LabelOutput is { } label ? [binding.ScoreOutput, label] : [binding.ScoreOutput];
    }

    public OnnxBinding Binding { get; }

    internal InferenceSession Session => _session;

    public ScoreResult Score(ColumnTable table, ProductSchema schema, TaskType task, IProgress<int>? rowsDone, CancellationToken ct)
    {
        var n = table.RowCount;
        var predicted = new float[n];
        var probability = task == TaskType.Regression ? null : new float[n];
        var latency = new float[n];
        Array.Fill(latency, float.NaN);
        var positive = PositiveKey(schema);
        var classIndex = ClassIndex(schema);
        var stopwatch = Stopwatch.StartNew();
        var ticksToMicros = 1_000_000.0 / Stopwatch.Frequency;
        var timed = Math.Min(n, TimedRows);
        for (var row = 0; row < timed; row++)
        {
            var t0 = Stopwatch.GetTimestamp();
            Run(table, row, 1, task, positive, predicted, probability, classIndex);
            latency[row] = (float)((Stopwatch.GetTimestamp() - t0) * ticksToMicros);
        }
        for (var from = timed; from < n; from += BlockRows)
        {
            ct.ThrowIfCancellationRequested();
            Run(table, from, Math.Min(BlockRows, n - from), task, positive, predicted, probability, classIndex);
            rowsDone?.Report(Math.Min(n, from + BlockRows));
        }
        stopwatch.Stop();
        rowsDone?.Report(n);
        return new ScoreResult(predicted, probability, stopwatch.Elapsed, LatencyPercentiles.From(latency)) { RowLatencyMicros = latency };
    }

    /// <summary>Scores rows [from, from + count) into the output arrays.</summary>
    internal void Run(ColumnTable table, int from, int count, TaskType task, string positive, float[] predicted, float[]? probability,
        IReadOnlyDictionary<string, int> classIndex)
    {
        var inputs = Inputs(table, from, count);
        using var results = _session.Run(inputs, _outputs);
        var score = results.First(r => r.Name == Binding.ScoreOutput);
        if (task == TaskType.Regression)
        {
            var values = Floats(score, count, Binding.ScoreOutput);
            Array.Copy(values, 0, predicted, from, count);
            return;
        }
        if (task == TaskType.MulticlassClassification)
        {
            RunMulticlass(results, score, count, from, predicted, probability!, classIndex);
            return;
        }
        var probabilities = Probabilities(score, count, positive);
        Array.Copy(probabilities, 0, probability!, from, count);
        if (Binding.LabelOutput is { } labelName)
        {
            var labels = Labels(results.First(r => r.Name == labelName), count);
            for (var i = 0; i < count; i++)
                predicted[from + i] = string.Equals(labels[i], positive, StringComparison.Ordinal) ? 1 : 0;
        }
        else
        {
            for (var i = 0; i < count; i++)
                predicted[from + i] = probabilities[i] >= 0.5f ? 1 : 0;
        }
    }

    internal static Dictionary<string, int> ClassIndex(ProductSchema schema) =>
        ClassNames.Multiclass(schema).Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

    /// <summary>Multiclass: the predicted class (its index in the product's classes) and the largest probability.</summary>
    private void RunMulticlass(IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results, DisposableNamedOnnxValue score, int count, int from,
        float[] predicted, float[] probability, IReadOnlyDictionary<string, int> classIndex)
    {
        var labels = Labels(results.First(r => r.Name == Binding.LabelOutput), count);
        for (var i = 0; i < count; i++)
        {
            predicted[from + i] = classIndex.TryGetValue(labels[i], out var k) ? k
                : throw new InputValidationException("model", $"The model predicted the class '{labels[i]}', which is not one of the product's classes ({string.Join(", ", classIndex.Keys)}).");
        }
        if (score.ValueType == OnnxValueType.ONNX_TYPE_SEQUENCE)
        {
            var maps = score.AsEnumerable<DisposableNamedOnnxValue>().ToList();
            for (var i = 0; i < maps.Count; i++)
                probability[from + i] = MaxOf(maps[i]);
            return;
        }
        var values = score.ElementType == TensorElementType.Double
            ? score.AsTensor<double>().ToArray().Select(v => (float)v).ToArray()
            : score.AsTensor<float>().ToArray();
        var width = values.Length / count;
        for (var i = 0; i < count; i++)
        {
            var top = float.NegativeInfinity;
            for (var k = 0; k < width; k++)
                top = Math.Max(top, values[(i * width) + k]);
            probability[from + i] = top;
        }
    }

    private static float MaxOf(DisposableNamedOnnxValue map)
    {
        try
        {
            return map.AsDictionary<string, float>().Values.Max();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return map.AsDictionary<long, float>().Values.Max();
        }
    }

    /// <summary>The positive class as the model's labels and map keys spell it ("1" for the integer class 1).</summary>
    private static string PositiveKey(ProductSchema schema) => schema.PositiveClass ?? "1";

    private List<NamedOnnxValue> Inputs(ColumnTable table, int from, int count)
    {
        var inputs = new List<NamedOnnxValue>(Binding.Inputs.Count);
        if (Binding.TensorInput is { } tensorName)
        {
            var order = Binding.FeatureOrder!;
            var meta = _session.InputMetadata[tensorName];
            var width = order.Count;
            var columns = order.Select(table.Numeric).ToArray();
            if (meta.ElementType == typeof(double))
            {
                var data = new double[count * width];
                for (var i = 0; i < count; i++)
                    for (var f = 0; f < width; f++)
                        data[(i * width) + f] = columns[f][from + i];
                inputs.Add(NamedOnnxValue.CreateFromTensor(tensorName, new DenseTensor<double>(data, [count, width])));
            }
            else
            {
                var data = new float[count * width];
                for (var i = 0; i < count; i++)
                    for (var f = 0; f < width; f++)
                        data[(i * width) + f] = (float)columns[f][from + i];
                inputs.Add(NamedOnnxValue.CreateFromTensor(tensorName, new DenseTensor<float>(data, [count, width])));
            }
            return inputs;
        }
        foreach (var name in Binding.Inputs)
        {
            var meta = _session.InputMetadata[name];
            int[] shape = meta.Dimensions.Length >= 2 ? [count, 1] : [count];
            if (Binding.LabelInputs.Contains(name))
            {
                inputs.Add(Missing(name, meta.ElementType, count, shape));
                continue;
            }
            if (meta.ElementType == typeof(string))
            {
                var values = table.Strings(name);
                var data = new string[count];
                for (var i = 0; i < count; i++)
                    data[i] = values[from + i] ?? "";
                inputs.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(data, shape)));
                continue;
            }
            var numbers = table.Numeric(name);
            if (meta.ElementType == typeof(double))
                inputs.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<double>(numbers.AsSpan(from, count).ToArray(), shape)));
            else if (meta.ElementType == typeof(long))
                inputs.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<long>(numbers.AsSpan(from, count).ToArray().Select(v => double.IsNaN(v) ? 0L : (long)Math.Round(v)).ToArray(), shape)));
            else
                inputs.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(numbers.AsSpan(from, count).ToArray().Select(v => (float)v).ToArray(), shape)));
        }
        return inputs;
    }

    /// <summary>A label input's values: missing (NaN, or an empty text).</summary>
    private static NamedOnnxValue Missing(string name, Type type, int count, int[] shape)
    {
        if (type == typeof(string))
            return NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(Enumerable.Repeat("", count).ToArray(), shape));
        if (type == typeof(double))
            return NamedOnnxValue.CreateFromTensor(name, new DenseTensor<double>(Enumerable.Repeat(double.NaN, count).ToArray(), shape));
        if (type == typeof(bool))
            return NamedOnnxValue.CreateFromTensor(name, new DenseTensor<bool>(new bool[count], shape));
        if (type == typeof(long))
            return NamedOnnxValue.CreateFromTensor(name, new DenseTensor<long>(new long[count], shape));
        return NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(Enumerable.Repeat(float.NaN, count).ToArray(), shape));
    }

    /// <summary>A tensor of shape [N] or [N, 1] as one float per row.</summary>
    private static float[] Floats(DisposableNamedOnnxValue value, int count, string name)
    {
        var values = value.ElementType == TensorElementType.Double
            ? value.AsTensor<double>().ToArray().Select(v => (float)v).ToArray()
            : value.AsTensor<float>().ToArray();
        if (values.Length != count)
            throw new InvalidOperationException($"Output '{name}' gave {values.Length} values for {count} rows; expected one per row ([N] or [N, 1]).");
        return values;
    }

    /// <summary>The positive class's probability per row, from a tensor [N, 2] (its column), [N] / [N, 1], or a ZipMap
    /// sequence of maps (its key).</summary>
    private float[] Probabilities(DisposableNamedOnnxValue value, int count, string positive)
    {
        if (value.ValueType == OnnxValueType.ONNX_TYPE_SEQUENCE)
        {
            var maps = value.AsEnumerable<DisposableNamedOnnxValue>().ToList();
            var result = new float[maps.Count];
            for (var i = 0; i < maps.Count; i++)
                result[i] = MapValue(maps[i], positive);
            return result;
        }
        var values = value.ElementType == TensorElementType.Double
            ? value.AsTensor<double>().ToArray().Select(v => (float)v).ToArray()
            : value.AsTensor<float>().ToArray();
        if (values.Length == count)
            return values;
        if (values.Length == 2 * count)
        {
            var result = new float[count];
            for (var i = 0; i < count; i++)
                result[i] = values[(2 * i) + Binding.PositiveColumn];
            return result;
        }
        throw new InvalidOperationException($"Output '{Binding.ScoreOutput}' gave {values.Length} values for {count} rows; expected [N], [N, 1] or [N, 2].");
    }

    private static float MapValue(DisposableNamedOnnxValue map, string positive)
    {
        if (long.TryParse(positive, NumberStyles.Integer, CultureInfo.InvariantCulture, out var key))
        {
            try
            {
                var numeric = map.AsDictionary<long, float>();
                return numeric.TryGetValue(key, out var p) ? p : throw MissingKey(numeric.Keys.Select(k => k.ToString(CultureInfo.InvariantCulture)), positive);
            }
            catch (Exception ex) when (ex is not KeyNotFoundException)
            {
                // A map keyed by text: fall through.
            }
        }
        var text = map.AsDictionary<string, float>();
        return text.TryGetValue(positive, out var q) ? q : throw MissingKey(text.Keys, positive);
    }

    private static KeyNotFoundException MissingKey(IEnumerable<string> keys, string positive) =>
        new($"The probability map has the classes {string.Join(", ", keys.Order(StringComparer.Ordinal))}; the product's positive class '{positive}' is not one of them.");

    /// <summary>The predicted class per row as text ("1", "bad", "True").</summary>
    private static string[] Labels(DisposableNamedOnnxValue value, int count)
    {
        string[] labels = value.ElementType switch
        {
            TensorElementType.Int64 => [.. value.AsTensor<long>().ToArray().Select(v => v.ToString(CultureInfo.InvariantCulture))],
            TensorElementType.Int32 => [.. value.AsTensor<int>().ToArray().Select(v => v.ToString(CultureInfo.InvariantCulture))],
            TensorElementType.String => [.. value.AsTensor<string>().ToArray()],
            TensorElementType.Bool => [.. value.AsTensor<bool>().ToArray().Select(v => v ? "1" : "0")],
            _ => throw new InvalidOperationException($"Output '{value.Name}' is a {value.ElementType} tensor; a label output is int64, string or bool."),
        };
        if (labels.Length != count)
            throw new InvalidOperationException($"Output '{value.Name}' gave {labels.Length} labels for {count} rows.");
        return labels;
    }

    public void Dispose() => _session.Dispose();
}
