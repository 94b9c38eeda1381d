namespace AiEnergyPipeline.Sources.Queues;

/// <summary>How much of a date the source gave: a month-only date is stored as the first of the month.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Year,
}
