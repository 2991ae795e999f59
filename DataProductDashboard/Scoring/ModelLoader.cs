using DataProductDashboard.Domain;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataProductDashboard.Scoring;

/// <summary>Loads ML.NET model zips and checks that a model fits a product: its input columns exist in the product
/// schema with the right types, and its output has what the task needs.</summary>
public static class ModelLoader
{
    private static readonly MLContext Context = new(seed: 0);

    /// <summary>Loads a zip; a corrupt or non-ML.NET file raises <see cref="InputValidationException"/> on field "file".</summary>
    public static ITransformer Load(ReadOnlyMemory<byte> zip, string fileName, out DataViewSchema inputSchema)
    {
        if (zip.Length < 4 || zip.Span[0] != (byte)'P' || zip.Span[1] != (byte)'K')
            throw new InputValidationException("file", $"'{fileName}' is not a zip file; upload the .zip that ML.NET's mlContext.Model.Save wrote.");
        try
        {
            using var stream = new MemoryStream(zip.ToArray(), writable: false);
            return Context.Model.Load(stream, out inputSchema);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InputValidationException("file",
                $"'{fileName}' is a zip but not an ML.NET model (expected the zip that mlContext.Model.Save writes; loading said: {FirstLine(ex.Message)}).");
        }
    }

    /// <summary>Throws <see cref="InputValidationException"/> naming each missing or mistyped column.</summary>
    public static void CheckFits(ITransformer model, DataViewSchema modelInput, ProductSchema schema, TaskType task)
    {
        var ours = new ColumnarDataView(new ColumnTable(0), schema, task, 0, 0).Schema;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var absent = new List<DataViewSchema.Column>();
        foreach (var column in modelInput)
        {
            if (column.IsHidden)
                continue;
            if (ours.GetColumnOrNull(column.Name) is not { } mine)
                absent.Add(column);
            else if (!mine.Type.Equals(column.Type))
                errors[$"column '{column.Name}'"] = [$"the model reads '{column.Name}' as {Describe(column.Type)}, but the product schema declares it {schema.Find(column.Name)?.Kind} ({Describe(mine.Type)})"];
        }
        if (errors.Count == 0)
        {
            try
            {
                var output = model.GetOutputSchema(ours);
                CheckOutput(output, task, errors, schema);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
            {
                foreach (var column in absent)
                    errors[$"column '{column.Name}'"] = [$"the model needs column '{column.Name}' ({Describe(column.Type)}), which is not a feature of the product schema"];
                if (absent.Count == 0)
                    errors["model"] = [$"the model cannot read the product's columns: {FirstLine(ex.Message)}"];
            }
        }
        if (errors.Count > 0)
            throw new InputValidationException(FitSummary(errors, modelInput, schema), errors);
    }

    private static string FitSummary(Dictionary<string, string[]> errors, DataViewSchema modelInput, ProductSchema schema)
    {
        var inputs = modelInput.Where(c => !c.IsHidden).Select(c => c.Name).ToList();
        var known = inputs.Count(n => schema.Find(n) is not null);
        if (errors.Count <= 3)
            return $"The model does not fit the product schema: {string.Join("; ", errors.Values.Select(v => v[0]))}.";
        return $"The model does not fit the product schema: {errors.Count} of its input columns are missing or mistyped "
            + $"({known} of {inputs.Count} model columns exist in this product). Was it trained for another data product?";
    }

    private static void CheckOutput(DataViewSchema output, TaskType task, Dictionary<string, string[]> errors, ProductSchema schema)
    {
        if (task == TaskType.MulticlassClassification)
        {
            if (output.GetColumnOrNull("Score") is not { Type: VectorDataViewType { ItemType: NumberDataViewType } })
                errors["model.output"] = ["the model has no 'Score' vector output (one probability per class); is it a multiclass model?"];
            if (output.GetColumnOrNull("PredictedLabel") is not { } predicted || predicted.Type is not (TextDataViewType or KeyDataViewType))
                errors["model.output"] = ["the model has no 'PredictedLabel' output (a class name or a key); is it a multiclass model?"];
            else if (predicted.Type is KeyDataViewType && predicted.HasKeyValues())
            {
                VBuffer<ReadOnlyMemory<char>> names = default;
                predicted.GetKeyValues(ref names);
                var unknown = names.DenseValues().Select(v => v.ToString()).Except(ClassNames.Multiclass(schema), StringComparer.Ordinal).ToList();
                if (unknown.Count > 0)
                    errors["model.classes"] = [$"the model predicts classes the product does not list ({string.Join(", ", unknown)}); its classes are {string.Join(", ", ClassNames.Multiclass(schema))}"];
            }
            return;
        }
        if (output.GetColumnOrNull("Score") is not { } score || score.Type != NumberDataViewType.Single)
            errors["model.output"] = [$"the model has no Single 'Score' output column; is it a {task} model?"];
        if (task == TaskType.BinaryClassification && (output.GetColumnOrNull("PredictedLabel") is not { } label || label.Type != BooleanDataViewType.Instance))
            errors["model.output"] = ["the model has no Boolean 'PredictedLabel' output column; is it a binary classification model?"];
    }

    private static string Describe(DataViewType type) => type switch
    {
        TextDataViewType => "text",
        _ when type == NumberDataViewType.Single => "Single (float)",
        _ => type.ToString() ?? type.GetType().Name,
    };

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
