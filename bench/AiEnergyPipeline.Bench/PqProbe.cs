using System.Diagnostics;
using Parquet;
using Parquet.Schema;

namespace AiEnergyPipeline.Bench;

internal static class PqProbe
{
    public static async Task RunAsync(string dir)
    {
        const int n = 1 << 18;
        var ba = new string[n]; var period = new DateTime?[n]; var value = new double?[n]; var imp = new bool?[n];
        var t = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < n; i++) { ba[i] = "PJM"; period[i] = t.AddHours(i); value[i] = i * 1.5; imp[i] = i % 3 == 0 ? null : true; }
        foreach (var (name, field) in new (string, DataField)[] {
            ("string", new DataField<string>("s", true)),
            ("time", new DateTimeDataField("t", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true)),
            ("double", new DataField<double?>("d", true)),
            ("bool", new DataField<bool?>("b", true)) })
        {
            foreach (var comp in new[] { CompressionMethod.Snappy, CompressionMethod.None })
            {
                await using var file = File.Create(Path.Combine(dir, name + ".parquet"));
                var clock = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                await using (var w = await ParquetWriter.CreateAsync(new ParquetSchema(field), file, new ParquetOptions { CompressionMethod = comp }))
                {
                    for (var g = 0; g < 8; g++)
                    {
                        using var rg = w.CreateRowGroup();
                        switch (name)
                        {
                            case "string": await rg.WriteAsync(field, new ArraySegment<string>(ba)); break;
                            case "time": await rg.WriteAsync(field, new ReadOnlyMemory<DateTime?>(period)); break;
                            case "double": await rg.WriteAsync(field, new ReadOnlyMemory<double?>(value)); break;
                            default: await rg.WriteAsync(field, new ReadOnlyMemory<bool?>(imp)); break;
                        }
                    }
                }

                Console.Error.WriteLine($"{name} {comp}: {clock.Elapsed.TotalSeconds:F3} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F3} s cpu for 2M");
            }
        }
    }
}
