using CsvHelper;
using System.Globalization;
using System.Security.Cryptography;

namespace AiEnergyPipeline.Tables;

public static class Hashing
{
    public static async Task<(string Sha256, long Bytes)> Sha256OfFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return (Convert.ToHexStringLower(hash), stream.Length);
    }

    public static string Sha256OfText(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
