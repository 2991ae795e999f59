using DataProductDashboard.Domain;

namespace DataProductDashboard.Services.Models;

/// <summary>Training options; the label is the product schema's label column.</summary>
public sealed record TrainModelRequest(TrainerKind Trainer, double HoldoutFraction = 0.2, int Seed = 42, string? Notes = null);

/// <summary>How an uploaded ONNX model meets the product (form fields of the upload): <paramref name="FeatureOrder"/>
/// the comma-separated columns of a single tensor input [N, F]; <paramref name="LabelOutput"/> and
/// <paramref name="ScoreOutput"/> the names of its predicted-class and probability (or value) outputs.</summary>
public sealed record OnnxUpload(string? FeatureOrder, string? LabelOutput, string? ScoreOutput);
