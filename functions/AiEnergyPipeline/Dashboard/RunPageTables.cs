using System.Globalization;
using System.Text;
using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;

namespace AiEnergyPipeline.Dashboard;

/// <summary>The page's reference sections: every published table with its columns and downloads, the assumptions, the sources and licences.</summary>
public static class RunPageTables
{
    /// <summary>Every table of the package with its description, columns (type, unit, description), rows, size and its CSV and Parquet files, parts included; then the other files.</summary>
    public static void AppendTables(StringBuilder page, DataPackage package)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(package);
        page.Append("<section aria-labelledby=\"tables\"><h2 id=\"tables\">Tables</h2><p>Every table as CSV and as Parquet (same rows, typed columns). Links are relative to this run's folder.</p>");
        var tabular = package.Resources.Where(r => r.Schema is not null).GroupBy(r => r.TableName).ToList();
        foreach (var table in tabular)
        {
            var csv = table.Where(r => r.Format == "csv").ToList();
            var parquet = table.Where(r => r.Format == "parquet").ToList();
            var first = csv.FirstOrDefault() ?? table.First();
            page.Append(CultureInfo.InvariantCulture, $"<div class=\"table-entry\" id=\"table-{SafeHtml.E(table.Key)}\"><h3>{SafeHtml.E(table.Key)}</h3><p>{SafeHtml.E(first.Description)}</p>");
            page.Append(CultureInfo.InvariantCulture, $"<p>{SafeHtml.Number(csv.Sum(r => r.RowCount ?? 0), 0)} rows; CSV {SafeHtml.Bytes(csv.Sum(r => r.Bytes))}, Parquet {SafeHtml.Bytes(parquet.Sum(r => r.Bytes))}.</p>");
            // What the table is computed from (each resource's sources in datapackage.json): the inputs under Sources below.
            if (table.SelectMany(r => r.Sources ?? []).Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } from)
            {
                page.Append("<p class=\"small from\">From: ").Append(SafeHtml.E(string.Join(", ", from))).Append(" (<a href=\"#sources\">sources</a>).");
                // The origin its rows say (their last column), where the run's package gives it.
                if (table.Select(r => r.Origin).OfType<string>().Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } origins)
                {
                    page.Append(" Origin of its rows: ").Append(SafeHtml.E(string.Join(", ", origins))).Append('.');
                }

                page.Append("</p>");
            }
            page.Append("<ul>");
            foreach (var resource in table.OrderBy(r => r.Part ?? "", StringComparer.Ordinal).ThenBy(r => r.Format, StringComparer.Ordinal))
            {
                var label = resource.Part is null ? resource.Format.ToUpperInvariant() : $"part {resource.Part}, {resource.Format.ToUpperInvariant()}";
                page.Append("<li>").Append(SafeHtml.LocalLink(resource.Path, label)).Append(CultureInfo.InvariantCulture, $" ({SafeHtml.Bytes(resource.Bytes)}");
                page.Append(resource.RowCount is { } rows && resource.Format == "csv" ? $", {SafeHtml.Number(rows, 0)} rows)" : ")").Append("</li>");
            }

            page.Append("</ul>");
            if (first.Schema is { } schema)
            {
                page.Append("<details><summary>Columns</summary><div class=\"scroll\"><table><thead><tr><th scope=\"col\">column</th><th scope=\"col\">type</th><th scope=\"col\">unit</th><th scope=\"col\">description</th></tr></thead><tbody>");
                foreach (var field in schema.Fields)
                {
                    var key = schema.PrimaryKey.Contains(field.Name) ? " (key)" : "";
                    page.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{SafeHtml.E(field.Name)}{key}</th><td>{SafeHtml.E(field.Type)}</td><td>{SafeHtml.E(field.Unit)}</td><td>{SafeHtml.E(field.Description)}</td></tr>");
                }

                page.Append("</tbody></table></div></details>");
            }

            page.Append("</div>");
        }

        page.Append("<h3>Other files</h3><ul>");
        foreach (var resource in package.Resources.Where(r => r.Schema is null && r.Name != RunPublisher.PageResourceName))
        {
            page.Append("<li>").Append(SafeHtml.LocalLink(resource.Path, resource.Path)).Append(CultureInfo.InvariantCulture, $": {SafeHtml.E(resource.Description)} ({SafeHtml.Bytes(resource.Bytes)})</li>");
        }

        page.Append("<li>").Append(SafeHtml.LocalLink("datapackage.json", "datapackage.json")).Append(": every file's schema, rows, bytes and sha256; every input's origin; licences</li>");
        page.Append("<li>").Append(SafeHtml.LocalLink("report.json", "report.json")).Append(": what ran, per source</li></ul></section>");
    }

    /// <summary>The assumptions in force, each with its source and link, and what a recompute changed.</summary>
    public static void AppendAssumptions(StringBuilder page, RunPageData data)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(data);
        page.Append("<section aria-labelledby=\"assumptions\"><h2 id=\"assumptions\">Assumptions</h2>");
        if (data.Package.DerivedFrom is { } parent)
        {
            page.Append("<p>This run is a recompute of ").Append(SafeHtml.LocalLink($"../{parent}/index.html", $"run {parent}")).Append(". It changed:</p>");
            page.Append("<pre>").Append(SafeHtml.E(data.Package.Overrides?.ToString() ?? "nothing")).Append("</pre>");
            page.Append("<p>The table below is the run's as ingested: in this run's gap, the values above replace its own.</p>");
        }

        page.Append("<p>Notes starting ASSUMPTION, PROXY or DEFAULT mark this project's own choices, not published figures; MEASURED, a weight measured from the data.</p>");
        page.Append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">name</th><th scope=\"col\">value</th><th scope=\"col\">unit</th><th scope=\"col\">source</th><th scope=\"col\">notes</th></tr></thead><tbody>");
        foreach (var row in data.Assumptions)
        {
            page.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{SafeHtml.E(CsvRows.Text(row, "name"))}</th><td class=\"n\">{SafeHtml.E(CsvRows.Text(row, "value"))}</td><td>{SafeHtml.E(CsvRows.Text(row, "unit"))}</td><td>");
            page.Append(SafeHtml.Link(CsvRows.Text(row, "url"), CsvRows.Text(row, "source"))).Append("</td><td>").Append(SafeHtml.E(CsvRows.Text(row, "notes"))).Append("</td></tr>");
        }

        page.Append("</tbody></table></div></section>");
    }

    /// <summary>Every input file: origin, when fetched or recorded, what a sample imitates; then the licences and their attribution.</summary>
    /// <param name="report">The run's report: a source read in part or not at all is named first, with the files it lacks.</param>
    public static void AppendSources(StringBuilder page, DataPackage package, RunReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(package);
        page.Append("<section aria-labelledby=\"sources\"><h2 id=\"sources\">Sources</h2>");
        // Numbers made from a source read in part are not findings of the whole: said where the inputs are listed.
        if (report?.Sources.Where(s => s.Status != SourceStatus.Succeeded).ToList() is { Count: > 0 } incomplete)
        {
            page.Append("<div class=\"incomplete\" role=\"note\"><p><strong>Not every input was read</strong> (report.json says which):</p><ul>");
            foreach (var source in incomplete)
            {
                page.Append(CultureInfo.InvariantCulture, $"<li>{SafeHtml.E(source.Name)}: {SafeHtml.E(source.Status.ToString().ToLowerInvariant())}{(source.Error is { } error ? ": " + SafeHtml.E(error) : "")}");
                foreach (var failed in source.FailedFiles ?? [])
                {
                    page.Append(CultureInfo.InvariantCulture, $"; without {SafeHtml.E(failed.FileName)} ({SafeHtml.E(failed.Missing)}: {SafeHtml.E(failed.Error)})");
                }

                page.Append("</li>");
            }

            page.Append("</ul></div>");
        }

        page.Append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">source</th><th scope=\"col\">file</th><th scope=\"col\">origin</th><th scope=\"col\">fetched</th><th scope=\"col\">bytes</th></tr></thead><tbody>");
        foreach (var source in package.Sources)
        {
            var when = source.FetchedAt ?? source.RecordedAt;
            var origin = source.Origin.ToString().ToLowerInvariant();
            page.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{SafeHtml.E(source.Title)} <span class=\"small\">({SafeHtml.E(source.Name)})</span></th><td>");
            page.Append(SafeHtml.Link(source.Path, source.FileName)).Append("</td><td>").Append(SafeHtml.E(origin));
            if (source.SampleOf is { } real)
            {
                AppendSampleOf(page, real);
            }

            page.Append("</td><td>").Append(SafeHtml.E(when?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "\u2013"));
            page.Append("</td><td class=\"n\">").Append(SafeHtml.Bytes(source.Bytes)).Append("</td></tr>");
        }

        page.Append("</tbody></table></div><h3>Licences</h3><ul>");
        foreach (var licence in package.Licenses)
        {
            page.Append("<li>").Append(SafeHtml.Link(licence.Path, licence.Title));
            page.Append(licence.Attribution is { } attribution ? ": " + SafeHtml.E(attribution) : "").Append("</li>");
        }

        page.Append("</ul></section>");
    }

    /// <summary>
    /// What a sample imitates, in words: written by this project in the format of the dataset, with a
    /// link to the page that documents the dataset (never to a file), and whose data it is not.
    /// </summary>
    private static void AppendSampleOf(StringBuilder page, SampleOf real)
    {
        page.Append(": written by this project in the format of ").Append(SafeHtml.E(real.Dataset));
        if (SafeHtml.IsWebUrl(real.DocumentationUrl))
        {
            page.Append(" (").Append(SafeHtml.Link(real.DocumentationUrl, "the dataset's documentation")).Append(')');
        }

        page.Append("; not ").Append(SafeHtml.E(real.Publisher is { } publisher ? publisher + " data" : "the publisher's data"));
    }

    /// <summary>The runs before this one: id (linked to its page when it has one), when it ended, its status and what it said.</summary>
    public static void AppendRecentRuns(StringBuilder page, IReadOnlyList<RecentRun>? runs)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Append("<section aria-labelledby=\"runs\"><h2 id=\"runs\">Earlier runs</h2>");
        if (runs is not { Count: > 0 })
        {
            page.Append("<p>No run before this one.</p></section>");
            return;
        }

        page.Append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">run</th><th scope=\"col\">finished</th><th scope=\"col\">status</th><th scope=\"col\">trigger, mode</th><th scope=\"col\">what it said</th></tr></thead><tbody>");
        foreach (var run in runs)
        {
            var message = run.Message is { Length: > MessageLength } long_ ? long_[..MessageLength] + "\u2026" : run.Message;
            page.Append("<tr><th scope=\"row\">").Append(run.HasPage ? SafeHtml.LocalLink($"../{run.RunId}/index.html", run.RunId) : SafeHtml.E(run.RunId)).Append("</th>");
            page.Append(CultureInfo.InvariantCulture, $"<td>{SafeHtml.E(run.FinishedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}</td><td>{SafeHtml.E(run.Status.ToString().ToLowerInvariant())}</td>");
            page.Append(CultureInfo.InvariantCulture, $"<td>{SafeHtml.E(run.Trigger)}, {SafeHtml.E(run.Mode ?? "not recorded")}</td><td>{SafeHtml.E(message)}</td></tr>");
        }

        page.Append("</tbody></table></div></section>");
    }

    /// <summary>A run's message is cut here: the table says what a run did, its report.json says all.</summary>
    private const int MessageLength = 240;
}
