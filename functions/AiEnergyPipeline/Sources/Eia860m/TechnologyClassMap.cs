using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using CsvHelper;

namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>
/// EIA technology names and the accreditation class each belongs to, read from the curated
/// table <c>technology_classes.csv</c> (columns technology, accreditation_class, notes). Kept as
/// data, not code, so that the mapping can be reviewed and cited like any other input.
/// </summary>
public sealed class TechnologyClassMap
{
    public const string FileName = "technology_classes.csv";

    /// <summary>The class of a technology the table does not list.</summary>
    public const string Unknown = "unknown";

    /// <summary>The accreditation classes every part of the pipeline uses (a shared vocabulary).</summary>
    public static IReadOnlySet<string> Classes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "nuclear", "coal", "gas_combined_cycle", "gas_combustion_turbine", "gas_steam", "gas_internal_combustion",
        "oil", "hydro", "pumped_storage", "battery_storage", "onshore_wind", "offshore_wind", "solar_pv",
        "solar_thermal", "geothermal", "biomass", "other",
    };

    private static readonly ColumnSpec[] Specs =
    [
        new("technology", true),
        new("accreditation_class", true),
        new("notes", false),
    ];

    private readonly Dictionary<string, string> _classes;

    private TechnologyClassMap(Dictionary<string, string> classes) => _classes = classes;

    public int Count => _classes.Count;

    /// <summary>The class of an EIA technology name (case and spacing do not matter), or <see cref="Unknown"/>.</summary>
    public string ClassOf(string technology) => _classes.GetValueOrDefault(Key(technology), Unknown);

    /// <exception cref="SourceException">The file is missing, lacks a column, names a class outside <see cref="Classes"/> or lists a technology twice.</exception>
    public static TechnologyClassMap Load(string path, string source)
    {
        if (!File.Exists(path))
        {
            throw new SourceException(source, FileName, $"the curated table is missing (looked for {path}).");
        }

        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true }, leaveOpen: true);
        var map = ColumnMap.TryCreate(csv.Headers, Specs, out var missing)
            ?? throw new SourceException(source, FileName, ColumnMap.MissingMessage(missing));
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var technology = csv.GetString(map["technology"]).Trim();
            var accreditation = csv.GetString(map["accreditation_class"]).Trim();
            if (technology.Length == 0)
            {
                throw new SourceException(source, FileName, $"line {csv.LineNumber}: the technology is empty.");
            }

            if (!Classes.Contains(accreditation))
            {
                throw new SourceException(source, FileName, $"line {csv.LineNumber}: '{accreditation}' is not an accreditation class ({string.Join(", ", Classes)}).");
            }

            if (!classes.TryAdd(Key(technology), accreditation))
            {
                throw new SourceException(source, FileName, $"line {csv.LineNumber}: '{technology}' is listed twice.");
            }
        }

        return new TechnologyClassMap(classes);
    }

    private static string Key(string technology) => string.Join(' ', technology.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
