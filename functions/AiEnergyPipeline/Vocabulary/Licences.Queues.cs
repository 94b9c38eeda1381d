namespace AiEnergyPipeline.Vocabulary;

public static partial class Licences
{
    /// <summary>
    /// LBNL publishes Queued Up under CC BY 4.0 (attribution to Berkeley Lab); the ISO queue
    /// reports that gridstatus-style files are made from are public postings of each ISO.
    /// </summary>
    public static DataLicence InterconnectionQueues { get; } = new(
        "CC-BY-4.0",
        "Creative Commons Attribution 4.0 (LBNL Queued Up); ISO queue reports as published by each ISO",
        "https://creativecommons.org/licenses/by/4.0/",
        "Source: Lawrence Berkeley National Laboratory, \"Queued Up\" interconnection queue data (https://emp.lbl.gov/queues); ISO interconnection queue reports in the form gridstatus normalises them to.");

    /// <summary>What a sample of the queue files is credited as: a sample in LBNL's and the ISOs' formats, not their data.</summary>
    public static DataLicence InterconnectionQueuesSample { get; } = Sample(
        "LBNL's Queued Up workbook, the ISOs' interconnection queue files and gridstatus's normalised queue", "LBNL or ISO");
}
