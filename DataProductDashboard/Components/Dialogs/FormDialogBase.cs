using DataProductDashboard.Components.Shared;
using DataProductDashboard.Domain;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>What a dialog that saves a form through a service shares: the role check, a busy flag, a refused save kept
/// in the dialog with its reason (per field for validation problems), and closing with what was saved.</summary>
public abstract class FormDialogBase : ComponentBase
{
    [CascadingParameter] public IMudDialogInstance MudDialog { get; set; } = null!;
    [Inject] public required ActorResolver Actors { get; init; }
    [Inject] public required RoleGuard Guard { get; init; }

    protected bool Busy { get; private set; }
    protected string? Error { get; private set; }
    protected IReadOnlyDictionary<string, string[]>? Errors { get; private set; }

    /// <summary>Runs <paramref name="save"/> for a user with one of <paramref name="roles"/> and closes the dialog with
    /// its result; a refusal stays in the dialog.</summary>
    protected async Task SubmitAsync(string roles, Func<Task<object>> save)
    {
        if (Busy || !await Guard.DemandAsync(roles))
            return;
        Busy = true;
        Error = null;
        Errors = null;
        try
        {
            MudDialog.Close(DialogResult.Ok(await save()));
        }
        catch (InputValidationException ex)
        {
            Error = ex.Message;
            Errors = ex.Errors;
        }
        catch (DashboardException ex)
        {
            Error = ex.Message;
        }
        finally
        {
            Busy = false;
        }
    }

    protected void Cancel() => MudDialog.Cancel();
}
