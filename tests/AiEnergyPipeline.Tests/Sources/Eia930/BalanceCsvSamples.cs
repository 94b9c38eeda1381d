namespace AiEnergyPipeline.Tests.Sources.Eia930;

/// <summary>Rows in the layout of a real BALANCE file, small enough to read in a test.</summary>
internal static class BalanceCsvSamples
{
    public const string Header =
        "Balancing Authority,Data Date,Hour Number,Local Time at End of Hour,UTC Time at End of Hour,Demand Forecast (MW),Demand (MW),Net Generation (MW),Total Interchange (MW),Sum(Valid DIBAs) (MW),Demand (MW) (Imputed),Net Generation (MW) (Imputed),Total Interchange (MW) (Imputed),Demand (MW) (Adjusted),Net Generation (MW) (Adjusted),Total Interchange (MW) (Adjusted),Net Generation (MW) from Coal,Net Generation (MW) from Battery Storage,Region";

    public static string Row(string ba, string utc, string forecast, string demand, string ng, string ti, string demandImputed = "", string demandAdjusted = "") =>
        $"{ba},7/1/2025,1,07/01/2025 1:00:00 AM,{utc},{forecast},{demand},{ng},{ti},{ti},{demandImputed},,,{demandAdjusted},{ng},{ti},\"1,000\",12,CAL";

    public static string File(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";
}
