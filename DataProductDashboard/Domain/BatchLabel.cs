using System.Globalization;

namespace DataProductDashboard.Domain;

/// <summary>How people read a batch: "#3", its number within its product (1, 2, 3… in arrival order). Routes and the
/// API keep the global batch id.</summary>
public static class BatchLabel
{
    public static string Of(int number) => "#" + number.ToString(CultureInfo.InvariantCulture);
}
