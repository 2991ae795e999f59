namespace DataProductDashboard.Domain;

/// <summary>ML.NET trainers offered for training in the app.</summary>
public enum TrainerKind { FastTree, LightGbm, Sdca, FastForest }
