using DataProductDashboard.Domain;
using DataProductDashboard.Services.Models;
using DataProductDashboard.Services.Products;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DataProductDashboard.Components.Dialogs;

/// <summary>Trains a model in the app from a labelled CSV, shows the new version's hold-out metrics, then closes with it.</summary>
public sealed partial class TrainModelDialog
{
    private TrainerKind _trainer = TrainerKind.FastTree;
    private double _holdout = 0.2;
    private int _seed = 42;
    private string? _notes;
    private string _labelName = "label";
    private ModelVersionSummary? _trained;

    [Inject] public required ModelRegistryService Registry { get; init; }
    [Inject] public required ProductService Products { get; init; }
    [Inject] public required Shared.ActorResolver Actors { get; init; }

    private Domain.TaskType _task = Domain.TaskType.Regression;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            var product = await Products.GetAsync(ProductId, Cancellation);
            _labelName = product.Schema.Label?.Name ?? "(the schema has no label column)";
            _task = product.Task;
        }
        catch (DashboardException ex)
        {
            Error = ex.Message;
        }
    }

    private Task SubmitAsync() => SubmitFileAsync(
        async (fileName, csv, ct) => _trained = await Registry.TrainAsync(ProductId, csv, fileName, new TrainModelRequest(_trainer, _holdout, _seed, _notes), ct, by: Actors.Ui),
        "Training failed");

    private void Done() => MudDialog.Close(DialogResult.Ok(_trained));
}
