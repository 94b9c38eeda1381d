using AiEnergyPipeline.Fetch;
using System.Buffers;
using System.Text;

namespace AiEnergyPipeline.Tests.Fetch;

public class SecretMaskerTests
{
    private const string Key = "k3yS3cr3tAbC123";

    public static TheoryData<int> ChunkSizes => [1, 2, 3, 7, 14, 15, 16, 64, 4096];

    [Theory]
    [MemberData(nameof(ChunkSizes))]
    public void Mask_SecretsAcrossChunkBoundaries_GivesWhatRedactingTheWholeTextGives(int chunkSize)
    {
        var redactor = new SecretRedactor([Key, "other-secret"]);
        var text = $"{{\"request\":{{\"params\":{{\"api_key\":\"{Key}\"}}}},\"x\":\"{Key}{Key}k3yS3cr3tAbC12\",\"y\":\"kk3yS3cr3tAbC123 other-secret é{Key}\"}}k3yS3";

        var masked = MaskInChunks(redactor, text, chunkSize);

        Assert.Equal(redactor.Redact(text), masked);
        Assert.DoesNotContain(Key, masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_OneSecretBeginsAnother_MasksTheWholeOfTheLonger()
    {
        var redactor = new SecretRedactor(["abcdef", "abcdefghij"]);

        Assert.Equal("[REDACTED][REDACTED]", MaskInChunks(redactor, "[abcdefghij][abcdef]", 3));
    }

    [Fact]
    public void Mask_NoSecrets_PassesBytesUnchanged()
    {
        byte[] bytes = [0xFF, 0xFE, (byte)'a', 0xC3];
        var output = new ArrayBufferWriter<byte>();
        var masker = SecretRedactor.None.NewMasker();

        masker.Mask(bytes, final: false, output);
        masker.Mask([], final: true, output);

        Assert.Equal(bytes, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Mask_BytesThatAreNotUtf8_PassUnchangedAroundTheMask()
    {
        var redactor = new SecretRedactor([Key]);
        byte[] bytes = [0xFF, .. Encoding.UTF8.GetBytes(Key), 0xC3];
        var output = new ArrayBufferWriter<byte>();
        var masker = redactor.NewMasker();

        masker.Mask(bytes, final: true, output);

        Assert.Equal([0xFF, .. Encoding.UTF8.GetBytes(SecretRedactor.Mask), 0xC3], output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Mask_BeforeTheLastChunk_HoldsBackNoMoreThanASecretLessOneByte()
    {
        var masker = new SecretRedactor([Key]).NewMasker();
        var output = new ArrayBufferWriter<byte>();

        masker.Mask(Encoding.UTF8.GetBytes(new string('x', 100)), final: false, output);

        Assert.Equal(100 - (Key.Length - 1), output.WrittenCount);
    }

    private static string MaskInChunks(SecretRedactor redactor, string text, int chunkSize)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var masker = redactor.NewMasker();
        var output = new ArrayBufferWriter<byte>();
        for (var i = 0; i < bytes.Length; i += chunkSize)
        {
            masker.Mask(bytes.AsSpan(i, Math.Min(chunkSize, bytes.Length - i)), final: false, output);
        }

        masker.Mask([], final: true, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
