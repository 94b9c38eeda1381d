using System.Text;

namespace AiEnergyPipeline.Sources.Eia930.ParquetFormat;

/// <summary>The distinct values of a text column, in order of first appearance, with their UTF-8 bytes.</summary>
internal sealed class TextDictionary
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public List<byte[]> Utf8 { get; } = [];

    public int Count => Utf8.Count;

    public int IndexOf(string value)
    {
        if (!_index.TryGetValue(value, out var index))
        {
            index = Utf8.Count;
            _index.Add(value, index);
            Utf8.Add(Encoding.UTF8.GetBytes(value));
        }

        return index;
    }
}
