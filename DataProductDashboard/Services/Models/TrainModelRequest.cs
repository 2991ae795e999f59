using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Models;

/// <summary>Training options; the label is the product schema's label column.</summary>
public sealed record TrainModelRequest(TrainerKind Trainer, double HoldoutFraction = 0.2, int Seed = 42, string? Notes = null);
