using DataProductDashboard.Analysis.Drift;
using MathNet.Numerics.LinearAlgebra;

namespace DataProductDashboard.Analysis.Multivariate;

/// <summary>Multivariate drift as NannyML's "data reconstruction with PCA" measures it: the reference is standardised
/// (scikit-learn <c>StandardScaler</c>: reference mean, population standard deviation, scale 1 for a column sklearn
/// deems constant), principal components are fitted on it (sklearn 1.2.1 <c>PCA(n_components=varianceToKeep,
/// svd_solver="full")</c>: the fewest components whose cumulative explained-variance ratio exceeds the fraction,
/// i.e. <c>searchsorted(cumsum, fraction, side="right") + 1</c>), and the error of a set of rows is the mean over rows
/// of the Euclidean distance between the standardised row and its projection onto the kept components mapped back
/// (<c>inverse_transform(transform(row))</c>). A change in how columns vary together raises the error even when every
/// column's own distribution is unchanged. The components come from the symmetric eigen-decomposition of the
/// centred reference's Gram matrix; their signs are arbitrary, reconstructions are not. NannyML imputes missing values
/// and encodes categories first; this class takes finite numbers only.</summary>
public sealed class PcaReconstruction
{
    /// <summary>numpy's <c>np.finfo(np.float64).eps</c>.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>The standardised reference's column means (about 0), which sklearn's PCA centres on.</summary>
    private readonly double[] _pcaMean;

    /// <summary>Kept components as rows (Components × columns), orthonormal.</summary>
    private readonly double[][] _components;

    private PcaReconstruction(double[] mean, double[] scale, double[] pcaMean, double[][] components, double[] ratio)
    {
        Mean = mean;
        Scale = scale;
        _pcaMean = pcaMean;
        _components = components;
        ExplainedVarianceRatio = Array.AsReadOnly(ratio);
    }

    /// <summary>What a fitted reconstruction needs to be saved and restored (with a reference profile).</summary>
    public sealed record State(double[] Mean, double[] Scale, double[] PcaMean, double[][] Components, double[] Ratio);

    public State ToState() => new(Mean, Scale, _pcaMean, _components, [.. ExplainedVarianceRatio]);

    public static PcaReconstruction FromState(State state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new PcaReconstruction(state.Mean, state.Scale, state.PcaMean, state.Components, state.Ratio);
    }

    /// <summary>Each row's reconstruction error (the norm whose mean <see cref="Error"/> is).</summary>
    public double[] RowErrors(double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        CheckRows(rows, Mean.Length, nameof(rows));
        var errors = new double[rows.Length];
        var residual = new double[Mean.Length];
        for (var i = 0; i < rows.Length; i++)
            errors[i] = RowError(rows[i], residual);
        return errors;
    }

    /// <summary>The reconstruction error of one row (finite values, one per column) without allocating:
    /// <paramref name="residual"/> is scratch space of the row's width.</summary>
    public double RowError(ReadOnlySpan<double> row, Span<double> residual)
    {
        var width = Mean.Length;
        // Standardised, then centred on the PCA mean: the same operations in the same order as Reconstruct.
        for (var j = 0; j < width; j++)
            residual[j] = ((row[j] - Mean[j]) / Scale[j]) - _pcaMean[j];
        Span<double> centred = width <= 64 ? stackalloc double[width] : new double[width];
        residual[..width].CopyTo(centred);
        foreach (var component in _components)
        {
            var projection = 0.0;
            for (var j = 0; j < width; j++)
                projection += component[j] * centred[j];
            for (var j = 0; j < width; j++)
                residual[j] -= projection * component[j];
        }
        var squares = 0.0;
        for (var j = 0; j < width; j++)
            squares += residual[j] * residual[j];
        return Math.Sqrt(squares);
    }

    /// <summary>The number of kept principal components (sklearn's <c>n_components_</c>).</summary>
    public int Components => _components.Length;

    /// <summary>The share of the standardised reference's variance each kept component explains, largest first
    /// (sklearn's <c>explained_variance_ratio_</c>, which also lists the kept components only).</summary>
    public IReadOnlyList<double> ExplainedVarianceRatio { get; }

    /// <summary>The reference mean of each column (<c>StandardScaler.mean_</c>).</summary>
    public double[] Mean { get; }

    /// <summary>The reference population standard deviation of each column, 1 for a constant column
    /// (<c>StandardScaler.scale_</c>).</summary>
    public double[] Scale { get; }

    /// <summary>Fits the scaler and the components on <paramref name="referenceRows"/> (rows of equal width, finite
    /// values). <paramref name="varianceToKeep"/> is the fraction of variance to keep, strictly between 0 and 1.
    /// Throws for fewer than two rows, ragged or non-finite rows, or a reference where every column is constant.</summary>
    public static PcaReconstruction Fit(double[][] referenceRows, double varianceToKeep = 0.65)
    {
        ArgumentNullException.ThrowIfNull(referenceRows);
        if (!(varianceToKeep > 0 && varianceToKeep < 1))
            throw new ArgumentOutOfRangeException(nameof(varianceToKeep), varianceToKeep, "The fraction of variance to keep must be strictly between 0 and 1.");
        if (referenceRows.Length < 2)
            throw new ArgumentException("PCA needs at least two reference rows.", nameof(referenceRows));
        var width = referenceRows[0].Length;
        if (width == 0)
            throw new ArgumentException("The reference rows have no columns.", nameof(referenceRows));
        CheckRows(referenceRows, width, nameof(referenceRows));

        var n = referenceRows.Length;
        var (mean, scale) = StandardScaler(referenceRows, width);
        var standardised = referenceRows.Select(r => Standardise(r, mean, scale)).ToArray();
        var pcaMean = new double[width];
        var column = new double[n];
        for (var j = 0; j < width; j++)
        {
            for (var i = 0; i < n; i++)
                column[i] = standardised[i][j];
            pcaMean[j] = Pairwise.Sum(column) / n;
        }

        // Gram matrix of the centred data: its eigenvalues are the squared singular values sklearn's SVD gives.
        var gram = Matrix<double>.Build.Dense(width, width);
        var centred = new double[width];
        foreach (var row in standardised)
        {
            for (var j = 0; j < width; j++)
                centred[j] = row[j] - pcaMean[j];
            for (var a = 0; a < width; a++)
            {
                for (var b = a; b < width; b++)
                    gram[a, b] += centred[a] * centred[b];
            }
        }
        for (var a = 0; a < width; a++)
        {
            for (var b = 0; b < a; b++)
                gram[a, b] = gram[b, a];
        }

        var evd = gram.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, width).OrderByDescending(k => evd.EigenValues[k].Real).ToArray();
        // At most min(n, width) components exist (sklearn's SVD has no more); round-off below 0 is no variance.
        var available = Math.Min(n, width);
        var variance = order.Take(available).Select(k => Math.Max(evd.EigenValues[k].Real, 0)).ToArray();
        var total = variance.Sum();
        if (!(total > 0))
            throw new ArgumentException("Every reference column is constant: there is no variance to decompose.", nameof(referenceRows));

        var ratio = variance.Select(v => v / total).ToArray();
        // searchsorted(cumsum, fraction, side="right") + 1: the count of cumulative ratios <= fraction, plus one.
        var keep = 1;
        var cumulative = 0.0;
        for (var k = 0; k < ratio.Length - 1; k++)
        {
            cumulative += ratio[k];
            if (cumulative > varianceToKeep)
                break;
            keep++;
        }
        var components = order.Take(keep).Select(k => evd.EigenVectors.Column(k).ToArray()).ToArray();
        return new PcaReconstruction(mean, scale, pcaMean, components, ratio[..keep]);
    }

    /// <summary>The mean reconstruction error of <paramref name="rows"/> (same columns as the reference, finite
    /// values): each row is standardised with the reference scaler, projected onto the kept components and back, and
    /// the Euclidean norm of the difference is averaged over the rows. NaN for no rows.</summary>
    public double Error(double[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        CheckRows(rows, Mean.Length, nameof(rows));
        if (rows.Length == 0)
            return double.NaN;
        return Pairwise.Sum(RowErrors(rows)) / rows.Length;
    }

    /// <summary>The reconstruction of one row in the original units: standardised, projected onto the kept components
    /// and back, then un-standardised (sklearn's <c>scaler.inverse_transform(pca.inverse_transform(pca.transform(
    /// scaler.transform(row))))</c>).</summary>
    public double[] Reconstruct(double[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        CheckRows([row], Mean.Length, nameof(row));
        var residual = Residual(row);
        var z = Standardise(row, Mean, Scale);
        var result = new double[row.Length];
        for (var j = 0; j < row.Length; j++)
            result[j] = ((z[j] - residual[j]) * Scale[j]) + Mean[j];
        return result;
    }

    /// <summary>Standardised row minus its reconstruction: the centred row minus its projection on the components.</summary>
    private double[] Residual(double[] row)
    {
        var z = Standardise(row, Mean, Scale);
        var centred = new double[z.Length];
        for (var j = 0; j < z.Length; j++)
            centred[j] = z[j] - _pcaMean[j];
        var residual = (double[])centred.Clone();
        foreach (var component in _components)
        {
            var projection = 0.0;
            for (var j = 0; j < centred.Length; j++)
                projection += component[j] * centred[j];
            for (var j = 0; j < centred.Length; j++)
                residual[j] -= projection * component[j];
        }
        return residual;
    }

    /// <summary>sklearn 1.2.1 <c>StandardScaler</c> on a first fit: mean, variance with the two-pass correction term,
    /// and scale 1 where <c>_is_constant_feature</c> holds (var ≤ n·ε·var + (n·mean·ε)²).</summary>
    private static (double[] Mean, double[] Scale) StandardScaler(double[][] rows, int width)
    {
        var n = rows.Length;
        var mean = new double[width];
        var scale = new double[width];
        var column = new double[n];
        for (var j = 0; j < width; j++)
        {
            for (var i = 0; i < n; i++)
                column[i] = rows[i][j];
            var m = Pairwise.Sum(column) / n;
            double deviations = 0, squares = 0;
            foreach (var v in column)
            {
                deviations += v - m;
                squares += (v - m) * (v - m);
            }
            var variance = (squares - (deviations * deviations / n)) / n;
            var constant = variance <= (n * MachineEpsilon * variance) + Math.Pow(n * m * MachineEpsilon, 2);
            mean[j] = m;
            scale[j] = constant ? 1.0 : Math.Sqrt(variance);
        }
        return (mean, scale);
    }

    private static double[] Standardise(double[] row, double[] mean, double[] scale)
    {
        var z = new double[row.Length];
        for (var j = 0; j < row.Length; j++)
            z[j] = (row[j] - mean[j]) / scale[j];
        return z;
    }

    private static void CheckRows(double[][] rows, int width, string parameter)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] is null || rows[i].Length != width)
                throw new ArgumentException($"Row {i} has {rows[i]?.Length ?? 0} values; the reference has {width} columns.", parameter);
            foreach (var v in rows[i])
            {
                if (!double.IsFinite(v))
                    throw new ArgumentException($"Row {i} has a NaN or infinite value: impute or drop it first.", parameter);
            }
        }
    }
}
