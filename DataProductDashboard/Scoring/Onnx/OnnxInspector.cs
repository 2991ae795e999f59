using System.Security.Cryptography;
using DataProductDashboard.Domain;
using Microsoft.ML.OnnxRuntime;

namespace DataProductDashboard.Scoring.Onnx;

/// <summary>Reads an uploaded ONNX model's inputs and outputs, matches them with the product schema and resolves its
/// <see cref="OnnxBinding"/>; every mismatch is an <see cref="InputValidationException"/> naming the input, output or
/// form field. The model is then run on one row made from the schema, so a model that loads but cannot score the
/// product's rows is refused at upload, not at the first batch.</summary>
public static class OnnxInspector
{
    /// <summary>Whether the bytes look like an ONNX model (a protobuf ModelProto starts with its ir_version field) and
    /// not a zip.</summary>
    public static bool LooksLikeOnnx(ReadOnlySpan<byte> bytes) => bytes.Length > 4 && bytes[0] == 0x08 && !(bytes[0] == (byte)'P' && bytes[1] == (byte)'K');

    public static OnnxModel Resolve(byte[] onnx, string fileName, ProductSchema schema, TaskType task, string? featureOrder, string? labelOutput,
        string? scoreOutput)
    {
        InferenceSession session;
        try
        {
            session = new InferenceSession(onnx);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InputValidationException("file", $"'{fileName}' is not an ONNX model ONNX Runtime can load: {FirstLine(ex.Message)}");
        }
        using (session)
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var (inputs, tensor, order) = ResolveInputs(session, schema, featureOrder, errors);
            var labelInputs = inputs.Where(i => schema.Label?.Name == i).ToList();
            var (score, label, positiveColumn) = ResolveOutputs(session, schema, task, labelOutput, scoreOutput, errors);
            if (errors.Count > 0)
                throw new InputValidationException($"The ONNX model does not fit the product: {string.Join("; ", errors.Values.Select(v => v[0]))}.", errors);
            var binding = new OnnxBinding(inputs, tensor, order, score!, label, Convert.ToHexStringLower(SHA256.HashData(onnx))) { PositiveColumn = positiveColumn, LabelInputs = labelInputs };
            var model = new OnnxModel(onnx, binding);
            TryOneRow(model, schema, task);
            return model;
        }
    }

    private static (IReadOnlyList<string> Inputs, string? Tensor, IReadOnlyList<string>? Order) ResolveInputs(InferenceSession session, ProductSchema schema,
        string? featureOrder, Dictionary<string, string[]> errors)
    {
        var inputs = session.InputMetadata;
        var order = featureOrder?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (order is { Length: > 0 })
        {
            if (inputs.Count != 1)
            {
                errors["featureOrder"] = [$"featureOrder is for a model with one tensor input, but this one has {inputs.Count} inputs ({string.Join(", ", inputs.Keys)}): leave featureOrder out to match them with the columns by name"];
                return ([], null, null);
            }
            var (name, meta) = inputs.First();
            if (meta.ElementType != typeof(float) && meta.ElementType != typeof(double) || meta.Dimensions.Length != 2)
                errors[$"input '{name}'"] = [$"input '{name}' is a {Describe(meta)}; with featureOrder the model must take one float tensor [N, F]"];
            else if (meta.Dimensions[1] > 0 && meta.Dimensions[1] != order.Length)
                errors["featureOrder"] = [$"featureOrder names {order.Length} columns but input '{name}' takes {meta.Dimensions[1]} features per row"];
            foreach (var duplicate in order.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
                errors[$"featureOrder.{duplicate.Key}"] = [$"featureOrder names '{duplicate.Key}' more than once"];
            foreach (var column in order)
            {
                if (schema.Find(column) is not { } spec || !spec.IsFeature)
                    errors[$"featureOrder.{column}"] = [$"featureOrder names '{column}', which is not a feature column of the product schema"];
                else if (spec.Kind != ColumnKind.Numeric)
                    errors[$"featureOrder.{column}"] = [$"featureOrder names '{column}', a {spec.Kind} column; a float tensor takes numeric columns only"];
            }
            return ([name], name, order);
        }
        foreach (var (name, meta) in inputs)
        {
            var spec = schema.Find(name);
            if (spec is not null && spec.Role == ColumnRole.Label && meta.IsTensor)
                continue;
            if (spec is null || !spec.IsFeature)
            {
                errors[$"input '{name}'"] = meta.Dimensions is [_, > 1]
                    ? [$"input '{name}' takes {meta.Dimensions[1]} features per row: give their column order in the form field featureOrder (comma-separated)"]
                    : [$"the model's input '{name}' has no feature column of that name in the product schema"];
                continue;
            }
            if (!meta.IsTensor || meta.Dimensions.Length is < 1 or > 2 || meta.Dimensions is [_, > 1])
            {
                errors[$"input '{name}'"] = [$"input '{name}' is a {Describe(meta)}; one column is a tensor [N] or [N, 1]"];
                continue;
            }
            var numeric = meta.ElementType == typeof(float) || meta.ElementType == typeof(double) || meta.ElementType == typeof(long);
            var text = meta.ElementType == typeof(string);
            if (spec.Kind == ColumnKind.Numeric && !numeric)
                errors[$"input '{name}'"] = [$"input '{name}' is a {Describe(meta)}, but '{name}' is a numeric column (expected a float, double or int64 tensor)"];
            else if (spec.Kind != ColumnKind.Numeric && !text)
                errors[$"input '{name}'"] = [$"input '{name}' is a {Describe(meta)}, but '{name}' is a {spec.Kind} column (expected a string tensor)"];
        }
        return ([.. inputs.Keys], null, null);
    }

    private static (string? Score, string? Label, int PositiveColumn) ResolveOutputs(InferenceSession session, ProductSchema schema, TaskType task,
        string? labelOutput, string? scoreOutput, Dictionary<string, string[]> errors)
    {
        var outputs = session.OutputMetadata;
        string? Named(string field, string? name)
        {
            if (string.IsNullOrWhiteSpace(name))
                return null;
            if (!outputs.ContainsKey(name.Trim()))
            {
                errors[field] = [$"{field} '{name.Trim()}' is not an output of the model (its outputs: {string.Join(", ", outputs.Keys)})"];
                return null;
            }
            return name.Trim();
        }
        var score = Named("scoreOutput", scoreOutput);
        var label = Named("labelOutput", labelOutput);
        if (errors.Count > 0)
            return (null, null, 1);
        bool IsFloat(NodeMetadata m) => m.IsTensor && (m.ElementType == typeof(float) || m.ElementType == typeof(double));
        bool IsColumn(NodeMetadata m) => m.Dimensions.Length == 1 || m.Dimensions is [_, 1];
        if (task == TaskType.Regression)
        {
            if (score is null)
            {
                var values = outputs.Where(o => IsFloat(o.Value) && IsColumn(o.Value)).Select(o => o.Key).ToList();
                if (values.Count == 1)
                    score = values[0];
                else
                    errors["scoreOutput"] = [values.Count == 0
                        ? $"the model has no float output of shape [N] or [N, 1] for the predicted value (its outputs: {Outputs(outputs)})"
                        : $"the model has {values.Count} float outputs ({string.Join(", ", values)}): name the predicted value with scoreOutput"];
            }
            else if (!IsFloat(outputs[score]) || !IsColumn(outputs[score]))
                errors["scoreOutput"] = [$"scoreOutput '{score}' is a {Describe(outputs[score])}; a regression value is a float tensor [N] or [N, 1]"];
            return (score, null, 1);
        }
        var multiclass = task == TaskType.MulticlassClassification;
        bool IsProbability(NodeMetadata m) => m.OnnxValueType == OnnxValueType.ONNX_TYPE_SEQUENCE
            || (IsFloat(m) && (multiclass ? m.Dimensions is [_, > 2] or [_, -1] : IsColumn(m) || m.Dimensions is [_, 2]));
        bool IsLabel(NodeMetadata m) => m.IsTensor && (m.ElementType == typeof(long) || m.ElementType == typeof(int) || m.ElementType == typeof(string) || m.ElementType == typeof(bool))
            && IsColumn(m);
        if (score is null)
        {
            var candidates = outputs.Where(o => o.Key != label && IsProbability(o.Value)).Select(o => o.Key).ToList();
            if (candidates.Count == 1)
                score = candidates[0];
            else
                errors["scoreOutput"] = [candidates.Count == 0
                    ? $"the model has no probability output (a float tensor [N, 2], [N] or [N, 1], or a ZipMap sequence of maps; its outputs: {Outputs(outputs)})"
                    : $"the model has {candidates.Count} outputs that could be the probability ({string.Join(", ", candidates)}): name it with scoreOutput"];
        }
        else if (!IsProbability(outputs[score]))
            errors["scoreOutput"] = [$"scoreOutput '{score}' is a {Describe(outputs[score])}; a probability is a float tensor [N, 2], [N] or [N, 1], or a sequence of maps"];
        if (label is null)
        {
            var labels = outputs.Where(o => o.Key != score && IsLabel(o.Value)).Select(o => o.Key).ToList();
            label = labels.Count == 1 ? labels[0] : null;
        }
        else if (!IsLabel(outputs[label]))
            errors["labelOutput"] = [$"labelOutput '{label}' is a {Describe(outputs[label])}; a predicted class is an int64, string or bool tensor [N]"];
        if (multiclass && label is null && !errors.ContainsKey("labelOutput"))
            errors["labelOutput"] = [$"a multiclass model needs a predicted-class output (an int64 or string tensor [N]); none was found or several could be it: name it with labelOutput (its outputs: {Outputs(outputs)})"];
        return (score, label, PositiveColumn(schema));
    }

    /// <summary>A probability tensor [N, 2] has the classes in sorted order (scikit-learn's classes_): the positive
    /// class is column 1 unless it sorts before the negative one.</summary>
    private static int PositiveColumn(ProductSchema schema)
    {
        var positive = schema.PositiveClass ?? "1";
        var negative = schema.NegativeClass ?? schema.Label?.AllowedValues?.FirstOrDefault(v => v != positive);
        if (negative is null)
            return 1;
        if (double.TryParse(positive, System.Globalization.CultureInfo.InvariantCulture, out var p) && double.TryParse(negative, System.Globalization.CultureInfo.InvariantCulture, out var q))
            return p > q ? 1 : 0;
        return string.CompareOrdinal(positive, negative) > 0 ? 1 : 0;
    }

    /// <summary>Runs the model on one row built from the schema (zero for numbers, the first allowed value or an empty
    /// text for categories).</summary>
    private static void TryOneRow(OnnxModel model, ProductSchema schema, TaskType task)
    {
        var table = new ColumnTable(1);
        foreach (var feature in schema.Features)
        {
            if (feature.Kind == ColumnKind.Numeric)
                table.AddNumeric(feature.Name, [0]);
            else
                table.AddStrings(feature.Name, [feature.AllowedValues?.FirstOrDefault() ?? ""]);
        }
        try
        {
            model.Run(table, 0, 1, task, schema.PositiveClass ?? "1", new float[1], task == TaskType.Regression ? null : new float[1], OnnxModel.ClassIndex(schema));
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or InvalidOperationException or KeyNotFoundException or InvalidCastException or InputValidationException)
        {
            model.Dispose();
            throw new InputValidationException("file", $"The ONNX model could not score a row of the product: {FirstLine(ex.Message)}");
        }
    }

    private static string Describe(NodeMetadata meta) => meta.IsTensor
        ? $"{meta.ElementType.Name} tensor [{string.Join(", ", meta.Dimensions.Select(d => d < 0 ? "N" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]"
        : meta.OnnxValueType.ToString();

    private static string Outputs(IReadOnlyDictionary<string, NodeMetadata> outputs) => string.Join(", ", outputs.Select(o => $"{o.Key}: {Describe(o.Value)}"));

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
