using System.Globalization;

namespace DataProductDashboard.Domain;

/// <summary>The paging policy of a paged list, defined once for the API (which answers 400 naming the parameter) and
/// the services (which refuse the same values from any other caller): pages count from <see cref="FirstPage"/>, a page
/// holds <see cref="MinPageSize"/> to <see cref="MaxPageSize"/> items.</summary>
/// <param name="MaxPageSize">The most items one page of this list may hold.</param>
public sealed record Paging(int MaxPageSize)
{
    public const int FirstPage = 1;
    public const int MinPageSize = 1;

    /// <summary>A product's batches.</summary>
    public static Paging Batches { get; } = new(1000);

    /// <summary>The predictions of one batch.</summary>
    public static Paging Predictions { get; } = new(10_000);

    /// <summary>Alerts, across products or of one.</summary>
    public static Paging Alerts { get; } = new(1000);

    /// <summary>Stored gate evaluations of a product (a CSV export takes them all in one page).</summary>
    public static Paging GateEvaluations { get; } = new(100_000);

    /// <summary>The problems of <paramref name="page"/> and <paramref name="pageSize"/>, keyed by parameter; a null
    /// value (not given) has none.</summary>
    public Dictionary<string, string[]> Errors(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < FirstPage)
            errors["page"] = [string.Create(CultureInfo.InvariantCulture, $"page must be a whole number ≥ {FirstPage}; got {page}.")];
        if (pageSize is { } size && (size < MinPageSize || size > MaxPageSize))
            errors["pageSize"] = [string.Create(CultureInfo.InvariantCulture, $"pageSize must be a whole number between {MinPageSize} and {MaxPageSize}; got {size}.")];
        return errors;
    }

    /// <summary>Throws one <see cref="InputValidationException"/> naming every value outside the policy.</summary>
    public void Check(int page, int pageSize)
    {
        var errors = Errors(page, pageSize);
        if (errors.Count > 0)
            throw new InputValidationException(string.Join(" ", errors.Values.Select(v => v[0])), errors);
    }
}
