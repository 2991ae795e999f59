namespace DataProductDashboard.Analysis.Experiments;

/// <summary>The stored predictions of one arm, row by row: the prediction (regression value, or 1 / 0 for the positive
/// class) and the label once it arrived (NaN before).</summary>
public sealed record ArmObservations(double[] Predicted, double[] Labels)
{
    public static ArmObservations Empty { get; } = new([], []);

    public int Rows => Predicted.Length;

    public int LabelledRows
    {
        get
        {
            var n = 0;
            foreach (var label in Labels)
            {
                if (!double.IsNaN(label))
                    n++;
            }
            return n;
        }
    }
}
