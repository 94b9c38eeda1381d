namespace AiEnergyPipeline.Fetch;

/// <summary>Where an input file's bytes came from: what a reader needs to know before trusting a number made from them.</summary>
public enum InputOrigin
{
    /// <summary>Fetched in this run from the source's public URL.</summary>
    Fetched,

    /// <summary>Replayed from a snapshot someone recorded from the live sources (<c>aienergy snapshot record</c>): the original URL, time and validators kept.</summary>
    Recorded,

    /// <summary>A sample file written by this project to exercise the code (the bundled snapshot): not real data.</summary>
    Sample,

    /// <summary>A file of the project's curated folder (scenarios and assumptions, each row citing its publisher).</summary>
    Curated,
}
