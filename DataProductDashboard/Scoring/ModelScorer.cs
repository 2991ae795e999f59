using System.Diagnostics;
using DataProductDashboard.Domain;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataProductDashboard.Scoring;

/// <summary>Scores a table with a loaded model, timing each row. Rows go one at a time through the model's row-to-row
/// mapper (what ML.NET's PredictionEngine does), so the per-row latency is the real inference time of one row; a
/// transformed-view cursor would instead hand out rows that ML.NET's splitter pre-computed on worker threads. Tables
/// are split into chunks scored in parallel, each chunk with its own mapper.</summary>
public static class ModelScorer
{
    private const int ChunkRows = 65_536;
    private const int MinChunkRows = 1_024;

    /// <summary>Scores with a registered model, whatever its kind (ML.NET or ONNX).</summary>
    public static ScoreResult Score(IScoringModel model, ColumnTable table, ProductSchema schema, TaskType task,
        IProgress<int>? rowsDone = null, CancellationToken ct = default) => model.Score(table, schema, task, rowsDone, ct);

    public static ScoreResult Score(ITransformer model, ColumnTable table, ProductSchema schema, TaskType task,
        IProgress<int>? rowsDone = null, CancellationToken ct = default)
    {
        var n = table.RowCount;
        var predicted = new float[n];
        // Multiclass: the predicted class's index in the schema's classes, and its probability (the model's confidence).
        var probability = task is TaskType.BinaryClassification or TaskType.MulticlassClassification ? new float[n] : null;
        var classes = task == TaskType.MulticlassClassification ? ClassNames.Multiclass(schema) : [];
        var latency = new float[n];
        var hasProbability = true;
        var done = 0;
        var stopwatch = Stopwatch.StartNew();
        // A small table is split across the cores too (a 5,000-row batch would otherwise be one chunk on one core).
        var chunkRows = Math.Clamp((n + Environment.ProcessorCount - 1) / Environment.ProcessorCount, MinChunkRows, ChunkRows);
        var chunks = (n + chunkRows - 1) / chunkRows;
        Parallel.For(0, chunks, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk =>
        {
            var from = chunk * chunkRows;
            var to = Math.Min(n, from + chunkRows);
            var view = new ColumnarDataView(table, schema, task, from, to);
            var chunkHasProbability = task == TaskType.MulticlassClassification
                ? ScoreMulticlassChunk(model, view, classes, from, predicted, probability!, latency, ct)
                : ScoreChunk(model, view, task, from, predicted, probability, latency, ct);
            if (!chunkHasProbability)
                hasProbability = false;
            rowsDone?.Report(Interlocked.Add(ref done, to - from));
        });
        stopwatch.Stop();
        return new ScoreResult(predicted, hasProbability ? probability : null, stopwatch.Elapsed, LatencyPercentiles.From(latency)) { RowLatencyMicros = latency };
    }

    private static bool ScoreChunk(ITransformer model, ColumnarDataView view, TaskType task, int offset, float[] predicted,
        float[]? probability, float[] latency, CancellationToken ct)
    {
        var mapper = model.GetRowToRowMapper(view.Schema);
        var outSchema = mapper.OutputSchema;
        using var input = view.GetRowCursor(view.Schema);
        var ticksToMicros = 1_000_000.0 / Stopwatch.Frequency;
        if (task == TaskType.Regression)
        {
            var scoreColumn = outSchema["Score"];
            using var cursor = new MappedRows(input, mapper.GetRow(input, [scoreColumn]));
            var getScore = cursor.Output.GetGetter<float>(scoreColumn);
            float score = 0;
            var i = offset;
            var t0 = Stopwatch.GetTimestamp();
            while (cursor.MoveNext())
            {
                getScore(ref score);
                var t1 = Stopwatch.GetTimestamp();
                predicted[i] = score;
                latency[i] = i == offset ? float.NaN : (float)((t1 - t0) * ticksToMicros);
                t0 = t1;
                if ((++i & 0x3FFF) == 0)
                    ct.ThrowIfCancellationRequested();
            }
            return true;
        }

        var labelColumn = outSchema["PredictedLabel"];
        var probabilityColumn = outSchema.GetColumnOrNull("Probability");
        using var binaryCursor = new MappedRows(input, mapper.GetRow(input, probabilityColumn is { } p ? [labelColumn, p] : [labelColumn]));
        var getLabel = binaryCursor.Output.GetGetter<bool>(labelColumn);
        var getProbability = probabilityColumn is { } pc ? binaryCursor.Output.GetGetter<float>(pc) : null;
        bool label = false;
        float prob = 0;
        var row = offset;
        var start = Stopwatch.GetTimestamp();
        while (binaryCursor.MoveNext())
        {
            getLabel(ref label);
            getProbability?.Invoke(ref prob);
            var end = Stopwatch.GetTimestamp();
            predicted[row] = label ? 1f : 0f;
            if (probability is not null)
                probability[row] = prob;
            latency[row] = row == offset ? float.NaN : (float)((end - start) * ticksToMicros);
            start = end;
            if ((++row & 0x3FFF) == 0)
                ct.ThrowIfCancellationRequested();
        }
        return getProbability is not null;
    }

    /// <summary>Multiclass: "PredictedLabel" (the class name as text, or a key with its names) becomes the index of the
    /// class in <paramref name="classes"/>, and the largest value of the "Score" vector its probability.</summary>
    private static bool ScoreMulticlassChunk(ITransformer model, ColumnarDataView view, IReadOnlyList<string> classes, int offset, float[] predicted,
        float[] probability, float[] latency, CancellationToken ct)
    {
        var mapper = model.GetRowToRowMapper(view.Schema);
        var outSchema = mapper.OutputSchema;
        var labelColumn = outSchema["PredictedLabel"];
        var scoreColumn = outSchema["Score"];
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        using var input = view.GetRowCursor(view.Schema);
        using var cursor = new MappedRows(input, mapper.GetRow(input, [labelColumn, scoreColumn]));
        var getScore = cursor.Output.GetGetter<VBuffer<float>>(scoreColumn);
        Func<string> readLabel;
        if (labelColumn.Type is KeyDataViewType)
        {
            VBuffer<ReadOnlyMemory<char>> names = default;
            labelColumn.GetKeyValues(ref names);
            var keyNames = names.DenseValues().Select(v => v.ToString()).ToArray();
            var getKey = cursor.Output.GetGetter<uint>(labelColumn);
            uint key = 0;
            readLabel = () =>
            {
                getKey(ref key);
                return key >= 1 && key <= keyNames.Length ? keyNames[key - 1] : "";
            };
        }
        else
        {
            var getText = cursor.Output.GetGetter<ReadOnlyMemory<char>>(labelColumn);
            ReadOnlyMemory<char> text = default;
            readLabel = () =>
            {
                getText(ref text);
                return text.ToString();
            };
        }
        VBuffer<float> scores = default;
        var ticksToMicros = 1_000_000.0 / Stopwatch.Frequency;
        var row = offset;
        var start = Stopwatch.GetTimestamp();
        while (cursor.MoveNext())
        {
            var name = readLabel();
            getScore(ref scores);
            var end = Stopwatch.GetTimestamp();
            predicted[row] = index.TryGetValue(name, out var k) ? k
                : throw new InputValidationException("model", $"The model predicted the class '{name}', which is not one of the product's classes ({string.Join(", ", classes)}).");
            var top = float.NegativeInfinity;
            foreach (var s in scores.DenseValues())
                top = Math.Max(top, s);
            probability[row] = top;
            latency[row] = row == offset ? float.NaN : (float)((end - start) * ticksToMicros);
            start = end;
            if ((++row & 0x3FFF) == 0)
                ct.ThrowIfCancellationRequested();
        }
        return true;
    }

    /// <summary>The input cursor and the mapped row that follows it: moving the input recomputes the output.</summary>
    private sealed class MappedRows(DataViewRowCursor input, DataViewRow output) : IDisposable
    {
        public DataViewRow Output => output;

        public bool MoveNext() => input.MoveNext();

        public void Dispose() => output.Dispose();
    }
}
