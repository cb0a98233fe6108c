using System.Reflection;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Tests.Architecture;

/// <summary>
/// The folders of the program (one namespace each) depend on each other one way: no folder uses a folder that uses
/// it back, the model at the bottom uses nothing of the program, and the database's types stay in the store,
/// behind its door: outside Store/ the program knows the store's interfaces and records, never a backend.
/// </summary>
public sealed class LayerTests
{
    private const string Root = "ThreatCrowd.Batch.";

    /// <summary>The namespaces of the databases' client libraries: SQLite's (and its native binding) and PostgreSQL's.</summary>
    private static readonly string[] DatabaseNamespaces = ["Microsoft.Data.Sqlite", "SQLitePCL", "Npgsql"];

    /// <summary>The store's backends, each in a folder of Store/ of its own; only the store's factory chooses one.</summary>
    private const string Backends = Root + "Store.";

    private static readonly Assembly Program = typeof(Indicator).Assembly;

    private static readonly Lazy<IReadOnlyList<(Type Type, Type Uses)>> Uses = new(() =>
    [
        .. Program.GetTypes()
            .Where(t => Folder(t) is not null)
            .SelectMany(t => TypeReferences.Of(t).Select(used => (t, used))),
    ]);

    [Fact]
    public void No_folder_uses_a_folder_that_uses_it_back()
    {
        var graph = FolderGraph();

        var cycles = graph.Keys.Select(folder => PathBack(graph, folder)).OfType<string>().Distinct().ToList();

        cycles.ShouldBeEmpty("folders in a cycle (each arrow names a type that makes it): " + string.Join("; ", cycles));
    }

    [Fact]
    public void The_model_uses_nothing_of_the_program()
    {
        var uses = FolderGraph().GetValueOrDefault("Model") ?? [];

        uses.Select(u => $"{u.Key} ({u.Value})").ShouldBeEmpty();
    }

    [Fact]
    public void No_type_outside_Store_uses_a_database_type()
    {
        var offenders = Uses.Value
            .Where(u => Folder(u.Type) != "Store" && IsDatabaseType(u.Uses))
            .Select(u => $"{Outermost(u.Type).FullName} uses {u.Uses.FullName}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        offenders.ShouldBeEmpty("the database's types outside Store/: go through the store's interfaces instead");
    }

    [Fact]
    public void Outside_Store_only_the_store_interfaces_and_records_are_used_never_a_backend()
    {
        var offenders = Uses.Value
            .Where(u => Folder(u.Type) != "Store" && u.Uses.Assembly == Program && u.Uses.Namespace?.StartsWith(Backends, StringComparison.Ordinal) == true)
            .Select(u => $"{Outermost(u.Type).FullName} uses {Outermost(u.Uses).FullName}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        offenders.ShouldBeEmpty("a backend's class outside Store/: use IBatchStore and its parts, opened by StoreFactory");
    }

    [Fact]
    public void No_public_operation_of_the_store_names_a_database_type()
    {
        // What the door hands out: the interfaces, records and exceptions directly in Store/. A database type in
        // one of their signatures would carry the database (and its exceptions' types) past the door.
        var door = Program.GetTypes().Where(t => t.Namespace == Root + "Store").ToList();

        var leaks = door
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .SelectMany(m => SignatureTypes(m).Where(IsDatabaseType).Select(used => $"{t.Name}.{m.Name}: {used.FullName}")))
            .ToList();

        door.ShouldContain(t => t.Name == "IBatchStore");
        leaks.ShouldBeEmpty();
    }

    [Fact]
    public void The_layers_of_docs_architecture_list_every_folder_above_the_folders_it_uses()
    {
        var docs = File.ReadAllText(Path.Combine(Support.RepositoryRoot.Find(), "docs", "architecture.md"));
        var order = System.Text.RegularExpressions.Regex.Matches(docs, @"^\| `(\w+)/` \|", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .ToList();
        var graph = FolderGraph();

        order.Order(StringComparer.Ordinal).ShouldBe(graph.Keys.Order(StringComparer.Ordinal), "every folder listed once");
        var upward = graph
            .SelectMany(g => g.Value.Where(to => order.IndexOf(to.Key) < order.IndexOf(g.Key)).Select(to => $"{g.Key} -> {to.Key} ({to.Value})"))
            .ToList();
        upward.ShouldBeEmpty("a folder uses one listed above it");
    }

    [Fact]
    public void No_two_types_of_the_program_or_its_stand_in_share_a_name()
    {
        var named = Program.GetTypes().Concat(typeof(ThreatCrowd.StandIn.StandInServer).Assembly.GetTypes())
            .Where(t => t.DeclaringType is null && t.Namespace?.StartsWith("ThreatCrowd.", StringComparison.Ordinal) == true)
            .GroupBy(t => t.Name)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.Namespace))}");

        named.ShouldBeEmpty("one name, one meaning: rename for what differs");
    }

    [Fact]
    public void The_reading_of_uses_sees_a_known_use_inside_a_method_body()
    {
        // Guards the IL reading itself: the store's answer writer names the model's answer in its signature, the
        // batch run calls the static interface member that words a failure (a use only the method body shows), the
        // session's factory call hands over the store's settings (a use only the callee's signature shows), and a
        // SQLite class of the store uses the database's types.
        Uses.Value.ShouldContain(u => u.Type.Name == "AnswerWriter" && u.Uses == typeof(LookupAnswer));
        Uses.Value.ShouldContain(u => u.Type.Name == "BatchRun" && u.Uses.Name == "IRunLog");
        Uses.Value.ShouldContain(u => u.Type.Name == "BatchSession" && u.Uses.Name == "StoreSettings");
        Uses.Value.ShouldContain(u => u.Type.Name == "RunLog" && IsDatabaseType(u.Uses));
    }

    [Fact]
    public void The_readme_layout_names_every_folder_of_the_program_once()
    {
        var root = Support.RepositoryRoot.Find();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var layout = readme[readme.IndexOf("## Layout", StringComparison.Ordinal)..];
        layout = layout[..layout.IndexOf("\n```\n", layout.IndexOf("```", StringComparison.Ordinal) + 3, StringComparison.Ordinal)];
        var folders = Directory.GetDirectories(Path.Combine(root, "src", "ThreatCrowd.Batch"))
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .ToList();

        folders.ShouldNotBeEmpty();
        foreach (var folder in folders)
        {
            var named = System.Text.RegularExpressions.Regex.Count(layout, $@"(?<![\w/]){folder}/");
            named.ShouldBe(1, $"README's Layout names {folder}/ {named} times");
        }
    }

    private static Dictionary<string, Dictionary<string, string>> FolderGraph()
    {
        var graph = new Dictionary<string, Dictionary<string, string>>();
        foreach (var (type, used) in Uses.Value)
        {
            var from = Folder(type)!;
            var to = used.Assembly == Program ? Folder(used) : null;
            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = [];
            if (to is not null && to != from)
            {
                edges.TryAdd(to, $"{Outermost(type).Name} uses {Outermost(used).Name}");
            }
        }

        return graph;
    }

    /// <summary>A path from the folder back to itself, written out with one example use per arrow; null when there is none.</summary>
    private static string? PathBack(Dictionary<string, Dictionary<string, string>> graph, string start)
    {
        var cameFrom = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var folder = queue.Dequeue();
            foreach (var next in graph.GetValueOrDefault(folder)?.Keys ?? Enumerable.Empty<string>())
            {
                if (next == start)
                {
                    var path = new List<string> { folder };
                    while (path[^1] != start)
                    {
                        path.Add(cameFrom[path[^1]]);
                    }

                    path.Reverse();
                    path.Add(start);
                    return start + string.Concat(path.Zip(path.Skip(1), (a, b) => $" -> {b} ({graph[a][b]})"));
                }

                if (next != start && cameFrom.TryAdd(next, folder))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }

    private static string? Folder(Type type)
    {
        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[Root.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static bool IsDatabaseType(Type type) =>
        type.Namespace is { } ns && DatabaseNamespaces.Any(d => ns == d || ns.StartsWith(d + ".", StringComparison.Ordinal));

    private static IEnumerable<Type> SignatureTypes(MemberInfo member)
    {
        var types = member switch
        {
            MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
            ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
            PropertyInfo p => [p.PropertyType],
            FieldInfo f => [f.FieldType],
            _ => [],
        };
        return types.SelectMany(Flatten);

        static IEnumerable<Type> Flatten(Type t) =>
            t.HasElementType ? Flatten(t.GetElementType()!)
            : t.IsGenericType ? t.GetGenericArguments().SelectMany(Flatten).Prepend(t.GetGenericTypeDefinition())
            : [t];
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }
}
