namespace DataProductDashboard.Domain;

/// <summary>Who delivered a batch.</summary>
public enum BatchSource { Ui, Api, Demo }
