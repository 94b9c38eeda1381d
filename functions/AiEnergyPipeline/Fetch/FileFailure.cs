namespace AiEnergyPipeline.Fetch;

/// <summary>
/// One file of a source that failed while the source's other files were used: what report.json
/// lists under the source's <c>failed_files</c>, so that an operator sees which data is missing and why.
/// </summary>
/// <param name="FileName">The file, as the source names it.</param>
/// <param name="Setting">The setting that lists the file (such as <c>Sources:Queues:Files:3</c>), to fix or remove.</param>
/// <param name="Url">Where the file was fetched from, any secret removed.</param>
/// <param name="Missing">What is missing from the run because of it: for a queue file, its ISO (PJM, SPP, ...).</param>
/// <param name="Stage">Whether downloading or reading the file failed.</param>
/// <param name="Error">The cause, naming the source and the file.</param>
public sealed record FileFailure(string FileName, string Setting, string Url, string Missing, FailureStage Stage, string Error);
