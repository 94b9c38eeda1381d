using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;
using System.Security.Cryptography;

namespace AiEnergyPipeline.Tests.Tables;

public sealed class HashingFileWriterTests : IDisposable
{
    private readonly string _folder = Repository.NewTempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Complete_WritesAcrossManyChunks_FileHoldsEveryByteAndItsHash()
    {
        var path = Path.Combine(_folder, "out.bin");
        var expected = new MemoryStream();
        var random = new Random(3);
        (long Bytes, string Sha256) result;
        using (var writer = new HashingFileWriter(path, chunkBytes: 64, chunks: 2))
        {
            for (var i = 0; i < 500; i++)
            {
                var piece = new byte[random.Next(0, 150)];
                random.NextBytes(piece);
                if (i % 2 == 0 && piece.Length <= 64)
                {
                    piece.CopyTo(writer.GetSpan(piece.Length));
                    writer.Advance(piece.Length);
                }
                else
                {
                    writer.Write(piece);
                }

                expected.Write(piece);
            }

            Assert.Equal(expected.Length, writer.Position);
            result = writer.Complete();
        }

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(expected.ToArray(), bytes);
        Assert.Equal((bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes))), result);
    }

    [Fact]
    public void Dispose_WithoutComplete_ReleasesTheFile()
    {
        var path = Path.Combine(_folder, "abandoned.bin");
        using (var writer = new HashingFileWriter(path, chunkBytes: 16, chunks: 2))
        {
            writer.Write(new byte[100]);
            // While the writer holds the file, an exclusive open is refused (on Linux a lock, not the
            // deletion, tells: an open file can be deleted there), so the check below can fail.
            Assert.Throws<IOException>(() => new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose());
        }

        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
        }

        File.Delete(path);
        Assert.False(File.Exists(path));
    }
}
