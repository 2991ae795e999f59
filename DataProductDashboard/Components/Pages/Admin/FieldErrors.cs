using DataProductDashboard.Domain;

namespace DataProductDashboard.Components.Pages.Admin;

/// <summary>A dialog's errors from the service: <see cref="InputValidationException"/> errors under their fields, a
/// refusal (<see cref="ConflictException"/>, e.g. the last Admin) under the field it concerns, anything else above the
/// buttons.</summary>
public sealed class FieldErrors(params string[] fields)
{
    private Dictionary<string, string> _byField = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An error that belongs to no field of the dialog.</summary>
    public string? Other { get; private set; }

    public bool Has(string field) => _byField.ContainsKey(field);

    public string? Text(string field) => _byField.GetValueOrDefault(field);

    /// <summary>Runs the change; its result, or null when the service refused (the errors are then set).</summary>
    /// <param name="conflictField">Where a refusal shows; null: above the buttons.</param>
    public async Task<T?> RunAsync<T>(Func<Task<T>> change, string? conflictField = null) where T : class
    {
        _byField = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Other = null;
        try
        {
            return await change();
        }
        catch (InputValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                if (fields.Contains(field, StringComparer.OrdinalIgnoreCase))
                    _byField[field] = string.Join(" ", messages);
                else
                    Other = string.Join(" ", messages);
            }
        }
        catch (ConflictException ex) when (conflictField is not null)
        {
            _byField[conflictField] = ex.Message;
        }
        catch (DashboardException ex)
        {
            Other = ex.Message;
        }
        return null;
    }
}
