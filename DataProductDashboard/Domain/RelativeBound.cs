namespace DataProductDashboard.Domain;

/// <summary>Which side of the reference a relative gate guards: the value may not fall more than the tolerance below it
/// (<see cref="NotBelow"/>, for accuracy-like metrics), not rise more than it above (<see cref="NotAbove"/>, for
/// error-like metrics), or must stay within it either way.</summary>
public enum RelativeBound { NotBelow, NotAbove, Within }
