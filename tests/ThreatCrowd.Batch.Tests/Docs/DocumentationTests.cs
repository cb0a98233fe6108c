using System.Collections.Immutable;
using System.Text.Json;
using ThreatCrowd.Batch.Intel;
using ThreatCrowd.Batch.Tables;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Docs;

/// <summary>The documentation keeps up with the code: every column in docs/tables.md, every setting in the README.</summary>
public sealed class DocumentationTests
{
    private static string Read(string relative) => File.ReadAllText(Path.Combine(RepositoryRoot.Find(), relative));

    public static TheoryData<string, string> Headers()
    {
        var data = new TheoryData<string, string>
        {
            { IndicatorsTable.Name, Join(new IndicatorLayout().Columns) },
            { RelationsTable.Name, Join(new RelationLayout().Columns) },
            { ChangesTable.Name, Join(new ChangeLayout().Columns) },
            { RejectsTable.Name, Join(new RejectLayout().Columns) },
        };
        foreach (var collection in IntelCollection.All)
        {
            data.Add(collection.Name, Join(collection.Columns));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Headers))]
    public void Every_table_has_an_example_with_its_exact_header_and_every_column_is_described(string table, string header)
    {
        var docs = Read("docs/tables.md");

        docs.ShouldContain($"`{table}", Case.Sensitive, $"{table} is not named");
        docs.ShouldContain("\n" + header + "\n", Case.Sensitive, $"no example of {table} with its header");
        foreach (var column in header.Split(','))
        {
            docs.ShouldContain($"`{column}`", Case.Sensitive, $"column {column} of {table} is not described");
        }
    }

    [Fact]
    public void Every_setting_of_the_shipped_appsettings_json_has_a_line_in_the_readme_configuration_table()
    {
        var readme = Read("README.md");
        using var settings = JsonDocument.Parse(Read("config/appsettings.json"));

        foreach (var key in Keys(settings.RootElement, prefix: null))
        {
            readme.ShouldContain($"| `{key}` |", Case.Sensitive, $"{key} is missing from the README's Configuration table");
        }
    }

    private static string Join(ImmutableArray<string> columns) => string.Join(",", columns);

    private static IEnumerable<string> Keys(JsonElement element, string? prefix) =>
        element.EnumerateObject().SelectMany(p =>
        {
            var key = prefix is null ? p.Name : prefix + ":" + p.Name;
            return p.Value.ValueKind == JsonValueKind.Object ? Keys(p.Value, key) : [key];
        });
}
