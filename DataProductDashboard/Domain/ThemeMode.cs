namespace DataProductDashboard.Domain;

/// <summary>A user's colour scheme: the operating system's (the default), or always light or dark.</summary>
public enum ThemeMode
{
    System,
    Light,
    Dark,
}
