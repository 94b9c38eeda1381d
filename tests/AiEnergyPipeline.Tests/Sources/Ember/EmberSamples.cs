namespace AiEnergyPipeline.Tests.Sources.Ember;

/// <summary>Small Ember files in each layout, written for the tests.</summary>
internal static class EmberSamples
{
    public const string LongHeader = "Area,ISO 3 code,Year,Area type,Continent,Ember region,EU,OECD,G20,G7,ASEAN,Category,Subcategory,Variable,Unit,Value,YoY absolute change,YoY % change";
    public const string WideHeader = "Area,ISO 3 code,Year,Area type,Electricity source,Is aggregated source,Generation (TWh),Share of generation (%),Capacity (GW)";
    public const string ApiHeader = "date,country,alpha_3,variable,capacity_gw";

    /// <summary>The wide-layout fixture written by tools/snapshot/make_ember_snapshot.py.</summary>
    public static string WideFixture => Path.Combine(TestFiles.RepositoryRoot, "tests", "AiEnergyPipeline.Tests", "Normalise", "Fixtures", "ember", "release_generation_yearly_global.sample.csv");

    /// <summary>The long-format snapshot written by the same script.</summary>
    public static string LongSnapshot => Path.Combine(TestFiles.RepositoryRoot, "functions", "AiEnergyPipeline", "snapshot", "ember", "yearly_full_release_long_format.csv");

    public static string Long(params string[] rows) => string.Join('\n', [LongHeader, .. rows]) + "\n";

    /// <summary>A long-format row of a country.</summary>
    public static string LongRow(string area, string iso3, int year, string category, string subcategory, string variable, string unit, string value, string areaType = "Country") =>
        $"{area},{iso3},{year},{areaType},Asia,East Asia,0,0,1,0,0,{category},{subcategory},{Quote(variable)},{unit},{value},,";

    public static string Capacity(string area, string iso3, int year, string variable, string value, string subcategory = "Fuel") =>
        LongRow(area, iso3, year, "Capacity", subcategory, variable, "GW", value);

    public static string Wide(params string[] rows) => string.Join('\n', [WideHeader, .. rows]) + "\n";

    public static string WideRow(string area, string iso3, int year, string source, string aggregated, string capacity, string areaType = "Country or economy") =>
        $"{area},{iso3},{year},{areaType},{Quote(source)},{aggregated},1.5,2.0,{capacity}";

    public static string Api(params string[] rows) => string.Join('\n', [ApiHeader, .. rows]) + "\n";

    public static string ApiRow(string country, string iso3, int year, string variable, string value) =>
        $"{year}-01-01T00:00:00Z,{Quote(country)},{iso3},{Quote(variable)},{value}";

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) ? $"\"{text}\"" : text;
}
