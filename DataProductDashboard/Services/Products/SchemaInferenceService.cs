using DataProductDashboard.Analysis.Schema;
using DataProductDashboard.Data;
using DataProductDashboard.Domain;
using DataProductDashboard.Ingestion;
using DataProductDashboard.Storage;
using Microsoft.EntityFrameworkCore;

namespace DataProductDashboard.Services.Products;

/// <summary>Proposes a product from a sample file: reads its first <see cref="SampleRows"/> rows as a batch would be
/// read and infers the schema (<see cref="SchemaInference"/>); the answer is what <see cref="ProductService.CreateAsync"/>
/// takes, with what the sample showed beside it.</summary>
public sealed class SchemaInferenceService(IDbContextFactory<DashboardDbContext> dbFactory, ILogger<SchemaInferenceService> logger)
{
    /// <summary>Rows of the sample read for the inference.</summary>
    public const int SampleRows = 50_000;

    /// <summary>Rows of the sample shown in the preview.</summary>
    public const int PreviewRows = 10;

    public async Task<InferredProduct> InferAsync(UploadedFile file, InferenceChoices choices, CancellationToken ct)
    {
        var markers = choices.Markers?.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var sample = await Task.Run(() => CsvBatchReader.ReadSample(file.Path, file.FileName, SampleRows, ct), ct);
        var proposal = SchemaInference.Infer(sample.Header, sample.Rows, markers, choices.Label, choices.PositiveClass);
        var name = await FreeNameAsync(string.IsNullOrWhiteSpace(choices.Name) ? NameFrom(file.FileName) : choices.Name.Trim(), ct);
        logger.LogInformation("Inferred a {Task} schema of {Columns} columns from {Rows} sample rows of {FileName}",
            proposal.Task, proposal.Columns.Count, proposal.SampleRows, file.FileName);
        return new InferredProduct(name, null, null, proposal.Task, proposal.Schema, DefaultGates: true,
            new InferenceDetails(file.FileName, proposal.SampleRows, sample.Truncated, markers ?? SchemaInference.DefaultMarkers,
                proposal.Columns.Select(ColumnDetails.Of).ToList(), proposal.LabelCandidates, proposal.Classes, proposal.Notes,
                sample.Rows.Take(PreviewRows).ToList()));
    }

    /// <summary>A product name from a file name: "adult-income.csv" → "adult income".</summary>
    public static string NameFrom(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName).Replace('_', ' ').Replace('-', ' ').Trim();
        return stem.Length == 0 ? "New data product" : stem.Length > 200 ? stem[..200] : stem;
    }

    private async Task<string> FreeNameAsync(string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taken = await db.Products.AsNoTracking().Where(p => p.Name.StartsWith(name)).Select(p => p.Name).ToListAsync(ct);
        if (!taken.Contains(name, StringComparer.Ordinal))
            return name;
        for (var n = 2; ; n++)
        {
            var candidate = $"{name} ({n})";
            if (!taken.Contains(candidate, StringComparer.Ordinal))
                return candidate;
        }
    }
}

/// <summary>What the user chose before (or while) inferring: the product name, the markers to look for, the label and
/// the positive class; null: inferred.</summary>
public sealed record InferenceChoices(string? Name = null, IReadOnlyList<string>? Markers = null, string? Label = null, string? PositiveClass = null);

/// <summary>A proposed product: the body <c>POST /api/products</c> takes (name, description, owner, task, schema, and
/// the default gates on), and <see cref="Inference"/>, which that request ignores.</summary>
public sealed record InferredProduct(string Name, string? Description, string? Owner, TaskType Task, ProductSchema Schema, bool DefaultGates,
    InferenceDetails Inference)
{
    public CreateProductRequest ToRequest() => new(Name, Description, Owner, Task, Schema, DefaultGates);
}

/// <summary>What the sample showed.</summary>
/// <param name="Truncated">Whether the file has more rows than were read.</param>
/// <param name="MarkersLookedFor">The cell values counted as missing.</param>
/// <param name="Preview">The first rows of the sample, cells in header order (the order of <see cref="Columns"/> without
/// composed ones).</param>
public sealed record InferenceDetails(string FileName, int SampleRows, bool Truncated, IReadOnlyList<string> MarkersLookedFor,
    IReadOnlyList<ColumnDetails> Columns, IReadOnlyList<string> LabelCandidates, IReadOnlyList<string> Classes, IReadOnlyList<string> Notes,
    IReadOnlyList<string[]> Preview);

/// <summary>One column of the sample: missing cells per marker ("" for empty cells), distinct values, range, the
/// categories seen (offered as allowed values), examples and a note. A proposed composed event time is no column of
/// the sample: <see cref="ComposedOf"/> names its parts, and its examples are the times of the first rows.</summary>
public sealed record ColumnDetails(string Name, ColumnKind Kind, ColumnRole Role, int Missing, IReadOnlyDictionary<string, int> MissingByMarker,
    int Distinct, double? Min, double? Max, IReadOnlyList<string>? Categories, IReadOnlyList<string> Examples, string? Note, bool IsLabelCandidate,
    IReadOnlyList<string>? ComposedOf = null)
{
    public static ColumnDetails Of(InferredColumn c) => new(c.Spec.Name, c.Spec.Kind, c.Spec.Role, c.Missing, c.MarkerCells, c.Distinct,
        c.Min, c.Max, c.Categories, c.Examples, c.Note, c.IsLabelCandidate, c.Spec.ComposedOf);
}
