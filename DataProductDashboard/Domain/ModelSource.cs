namespace DataProductDashboard.Domain;

/// <summary>Where a model version comes from.</summary>
/// <remarks>Uploaded: an ML.NET zip; Onnx: an ONNX model run by ONNX Runtime.</remarks>
public enum ModelSource { Uploaded, TrainedInApp, Onnx }
