namespace DataProductDashboard.Domain;

/// <summary>Input that breaks a rule; <see cref="Errors"/> is keyed by field or by "row N, column 'c'".</summary>
public sealed class InputValidationException(string message, IReadOnlyDictionary<string, string[]> errors)
    : DashboardException(message)
{
    public InputValidationException(string field, string error)
        : this(error, new Dictionary<string, string[]> { [field] = [error] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
    public override int StatusCode => 400;
    public override string Title => "The input is not valid";
}
