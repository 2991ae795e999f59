using DataProductDashboard.Domain;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace DataProductDashboard.Scoring;

/// <summary>An ML.NET <see cref="IDataView"/> over a <see cref="ColumnTable"/> without copying it: numeric features as
/// Single, categorical and text features as text, the label as Single (regression) or Boolean (binary), or its
/// default when the table has no labels (a column missing from the table reads as missing values). Rows [<paramref name="from"/>, <paramref name="to"/>).</summary>
public sealed class ColumnarDataView : IDataView
{
    private readonly ColumnTable _table;
    private readonly Func<int, DataViewRowCursor, Delegate>[] _getterFactories;
    private readonly int _from;
    private readonly int _to;

    public ColumnarDataView(ColumnTable table, ProductSchema schema, TaskType task, int from = 0, int? to = null)
    {
        _table = table;
        _from = from;
        _to = to ?? table.RowCount;
        var builder = new DataViewSchema.Builder();
        var factories = new List<Func<int, DataViewRowCursor, Delegate>>();
        foreach (var feature in schema.Features)
        {
            switch (feature.Kind)
            {
                case ColumnKind.Numeric:
                    builder.AddColumn(feature.Name, NumberDataViewType.Single);
                    if (table.TryGetNumeric(feature.Name, out var numbers))
                        factories.Add((_, c) => (ValueGetter<float>)((ref float v) => v = (float)numbers[c.Position + _from]));
                    else
                        factories.Add((_, _) => (ValueGetter<float>)((ref float v) => v = float.NaN));
                    break;
                case ColumnKind.Categorical or ColumnKind.Text:
                    builder.AddColumn(feature.Name, TextDataViewType.Instance);
                    if (table.TryGetStrings(feature.Name, out var texts))
                        factories.Add((_, c) => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> v) => v = (texts[c.Position + _from] ?? "").AsMemory()));
                    else
                        factories.Add((_, _) => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> v) => v = ReadOnlyMemory<char>.Empty));
                    break;
                default:
                    throw new InputValidationException($"schema.columns['{feature.Name}']",
                        $"Feature '{feature.Name}' is of kind {feature.Kind}; model features must be Numeric, Categorical or Text.");
            }
        }
        if (schema.Label is { } label)
            AddLabel(builder, factories, label, schema, task);
        Schema = builder.ToSchema();
        _getterFactories = [.. factories];
    }

    public DataViewSchema Schema { get; }

    public bool CanShuffle => false;

    public int RowCount => _to - _from;

    public long? GetRowCount() => RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Select(c => c.Index).ToHashSet());

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private void AddLabel(DataViewSchema.Builder builder, List<Func<int, DataViewRowCursor, Delegate>> factories,
        ColumnSpec label, ProductSchema schema, TaskType task)
    {
        if (task == TaskType.Regression)
        {
            builder.AddColumn(label.Name, NumberDataViewType.Single);
            if (_table.TryGetNumeric(label.Name, out var values))
                factories.Add((_, c) => (ValueGetter<float>)((ref float v) => v = (float)values[c.Position + _from]));
            else
                factories.Add((_, _) => (ValueGetter<float>)((ref float v) => v = float.NaN));
            return;
        }
        if (task == TaskType.MulticlassClassification)
        {
            // The class name as text (empty when missing); training maps it to a key in the schema's class order.
            builder.AddColumn(label.Name, TextDataViewType.Instance);
            if (_table.TryGetStrings(label.Name, out var names))
                factories.Add((_, c) => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> v) => v = (names[c.Position + _from] ?? "").AsMemory()));
            else if (_table.TryGetNumeric(label.Name, out var codes))
                factories.Add((_, c) => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> v) =>
                    v = (double.IsNaN(codes[c.Position + _from]) ? "" : codes[c.Position + _from].ToString(System.Globalization.CultureInfo.InvariantCulture)).AsMemory()));
            else
                factories.Add((_, _) => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> v) => v = ReadOnlyMemory<char>.Empty));
            return;
        }
        builder.AddColumn(label.Name, BooleanDataViewType.Instance);
        var positive = schema.PositiveClass ?? "";
        if (_table.TryGetStrings(label.Name, out var labels))
            factories.Add((_, c) => (ValueGetter<bool>)((ref bool v) => v = string.Equals(labels[c.Position + _from], positive, StringComparison.Ordinal)));
        else if (_table.TryGetNumeric(label.Name, out var numbers) && double.TryParse(positive, System.Globalization.CultureInfo.InvariantCulture, out var p))
            factories.Add((_, c) => (ValueGetter<bool>)((ref bool v) => v = numbers[c.Position + _from] == p));
        else
            factories.Add((_, _) => (ValueGetter<bool>)((ref bool v) => v = false));
    }

    private sealed class Cursor(ColumnarDataView view, HashSet<int> active) : DataViewRowCursor
    {
        private long _position = -1;

        public override long Position => _position;
        public override long Batch => 0;
        public override DataViewSchema Schema => view.Schema;

        public override bool MoveNext() => ++_position < view.RowCount;

        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
            view._getterFactories[column.Index](column.Index, this) as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' is of type {column.Type}, not {typeof(TValue).Name}.");

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)(_position + view._from), 0);
    }
}
