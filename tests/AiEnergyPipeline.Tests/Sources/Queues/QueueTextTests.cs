using AiEnergyPipeline.Sources.Queues;

namespace AiEnergyPipeline.Tests.Sources.Queues;

public class QueueTextTests
{
    [Theory]
    [InlineData("Sunny Flats\nSolar + Storage", "Sunny Flats Solar + Storage")]
    [InlineData("Mesa Verde\r\n  and\tStorage ", "Mesa Verde and Storage")]
    [InlineData("\u00a0Lone Star\u00a0Geothermal", "Lone Star Geothermal")]
    [InlineData("", "")]
    public void Fold_LineBreaksAndRunsOfWhitespace_BecomeOneSpace(string text, string folded) =>
        Assert.Equal(folded, QueueText.Fold(text));

    [Theory]
    [InlineData("254.0", "254")]
    [InlineData("254.00", "254")]
    [InlineData("254", "254")]
    [InlineData(" 254.0\n", "254")]
    [InlineData("254.5", "254.5")]
    [InlineData("AE1-123", "AE1-123")]
    [InlineData("1.5E+05", "1.5E+05")]
    [InlineData("J1021.0", "J1021.0")]
    [InlineData("NA", "")]
    public void QueueId_NumbersWrittenWithZeroDecimals_AreWholeNumbers(string text, string id) =>
        Assert.Equal(id, QueueText.QueueId(text));

    [Theory]
    [InlineData("1,200.5", 1200.5)]
    [InlineData("0", 0.0)]
    [InlineData("-3", -3.0)]
    public void Number_TextWithThousands_IsParsed(string text, double value) =>
        Assert.Equal(value, QueueText.Number(null, text));

    [Theory]
    [InlineData("TBD")]
    [InlineData("12 MW")]
    [InlineData("NaN")]
    public void Number_NotANumber_IsNull(string text) =>
        Assert.Null(QueueText.Number(null, text));
}
