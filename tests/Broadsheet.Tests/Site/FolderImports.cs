using System.Text.RegularExpressions;

namespace Broadsheet.Tests.Site;

/// <summary>One place where a file in one folder names a namespace of another folder.</summary>
public sealed record FolderImport(string File, int Line, string From, string To, string Code)
{
    public override string ToString() => $"{File}:{Line}: {From} -> {To}   ({Code})";
}

/// <summary>
/// Reads which folder imports which from the source text alone: `using Broadsheet.…` lines in .cs files,
/// `@using`/`@inject`/`@model`/`@inherits` in .cshtml files (a _ViewImports.cshtml counts for every folder
/// whose views sit below it), and qualified names such as `Accounts.StaffRoles.Admin`, resolved the way
/// C# resolves them from the file's namespace outwards. A folder is Features/X or Infrastructure/X (with
/// "Infrastructure" for the files at its root); Program.cs, the composition root, is outside every folder.
/// </summary>
public static partial class FolderImports
{
    public const string ProgramFolder = "(composition root)";

    public static IEnumerable<(string Path, string Text)> ReadApp(string appDirectory) =>
        Directory.EnumerateFiles(appDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(appDirectory, f).Replace('\\', '/'))
            // Generated migrations name entities only inside strings; bin/obj hold generated code.
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal)
                && !f.StartsWith("Infrastructure/Data/Migrations/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(Path.Combine(appDirectory, f))));

    /// <summary>The folder a file sits in: Features/X, Infrastructure/X, Infrastructure, or the composition root.</summary>
    public static string FolderOf(string path)
    {
        var parts = path.Split('/');
        if (parts[0] is not ("Features" or "Infrastructure")) return ProgramFolder;
        return parts.Length > 2 ? $"{parts[0]}/{parts[1]}" : parts[0];
    }

    /// <summary>The folder a namespace belongs to, or null for one outside Features and Infrastructure.</summary>
    public static string? FolderOfNamespace(string ns)
    {
        var parts = ns.Split('.');
        if (parts.Length < 2 || parts[0] != "Broadsheet" || parts[1] is not ("Features" or "Infrastructure")) return null;
        return parts.Length > 2 ? $"{parts[1]}/{parts[2]}" : parts[1];
    }

    public static List<FolderImport> Scan(IEnumerable<(string Path, string Text)> files)
    {
        var sources = files.ToList();
        var model = new NamespaceModel(sources);
        var imports = new List<FolderImport>();
        foreach (var (path, text) in sources)
        {
            var isView = path.EndsWith(".cshtml", StringComparison.Ordinal);
            var context = model.NamespaceOf(path);
            var from = FolderOf(path);
            // A _ViewImports.cshtml speaks for every view below it, so its imports are those views' folders' imports.
            var folders = Path.GetFileName(path) == "_ViewImports.cshtml"
                ? model.ViewFoldersUnder(Path.GetDirectoryName(path)!.Replace('\\', '/'))
                : [from];
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r');
                var trimmed = line.TrimStart();
                if (trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.StartsWith("///", StringComparison.Ordinal)) continue;
                foreach (var ns in model.NamespacesNamedOn(line, isView, context))
                {
                    if (FolderOfNamespace(ns) is not { } to) continue;
                    foreach (var folder in folders.Where(f => f != to && f != ProgramFolder))
                        imports.Add(new FolderImport(path, i + 1, folder, to, trimmed.Length > 120 ? trimmed[..120] + "…" : trimmed));
                }
            }
            // A file that declares another folder's namespace would see that folder's types with no import at all.
            if (!isView && from != ProgramFolder && DeclaredNamespace().Match(text) is { Success: true } declared
                && FolderOfNamespace(declared.Groups[1].Value) is { } owner && owner != from)
                imports.Add(new FolderImport(path, LineOf(text, declared.Index), from, owner, declared.Value.Trim()));
        }
        return imports;
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    /// <summary>The namespaces the program knows (declared in .cs files, and the views' folders) and the types in each.</summary>
    private sealed class NamespaceModel
    {
        private readonly HashSet<string> namespaces = [];
        private readonly Dictionary<string, HashSet<string>> types = [];
        private readonly Dictionary<string, string> fileNamespace = [];
        private readonly List<string> views = [];

        public NamespaceModel(List<(string Path, string Text)> sources)
        {
            foreach (var (path, text) in sources)
            {
                string ns;
                if (path.EndsWith(".cshtml", StringComparison.Ordinal))
                {
                    // Razor puts a view in @namespace (Broadsheet.Features) plus its folder below Features.
                    var folder = Path.GetDirectoryName(path)!.Replace('\\', '/');
                    ns = folder.Length == 0 ? "Broadsheet" : "Broadsheet." + folder.Replace('/', '.');
                    views.Add(path);
                }
                else
                {
                    ns = DeclaredNamespace().Match(text) is { Success: true } m ? m.Groups[1].Value : "";
                    var names = types.TryGetValue(ns, out var known) ? known : types[ns] = [];
                    foreach (Match t in DeclaredType().Matches(text)) names.Add(t.Groups[1].Value);
                }
                fileNamespace[path] = ns;
                var parts = ns.Split('.', StringSplitOptions.RemoveEmptyEntries);
                for (var n = 1; n <= parts.Length; n++) namespaces.Add(string.Join('.', parts[..n]));
            }
        }

        public string NamespaceOf(string path) => fileNamespace[path];

        public List<string> ViewFoldersUnder(string directory) =>
            [.. views.Where(v => Path.GetFileName(v) != "_ViewImports.cshtml"
                    && (directory.Length == 0 || v.StartsWith(directory + "/", StringComparison.Ordinal)))
                .Select(FolderOf).Where(f => f != "Features").Distinct()];

        public IEnumerable<string> NamespacesNamedOn(string line, bool isView, string context)
        {
            var directive = (isView ? RazorDirective() : UsingDirective()).Match(line);
            if (directive.Success && directive.Groups[1].Value.StartsWith("Broadsheet.", StringComparison.Ordinal))
            {
                // `@model Broadsheet.Features.Site.ErrorModel` names a type: its namespace is the longest known prefix.
                var name = directive.Groups[1].Value;
                while (!namespaces.Contains(name) && name.Contains('.', StringComparison.Ordinal)) name = name[..name.LastIndexOf('.')];
                yield return name;
                yield break;
            }
            foreach (Match q in QualifiedName().Matches(line))
                if (Resolve(q.Groups[1].Value.Split('.'), context) is { } ns) yield return ns;
        }

        /// <summary>
        /// `A.B.C` seen in namespace N: A is looked up in N, then N's parents, as C# does; the name counts
        /// only when it goes on through namespaces to a type declared in the last one (so `Site.Text`,
        /// a property, is not the Site namespace).
        /// </summary>
        private string? Resolve(string[] parts, string context)
        {
            var scope = context.Split('.', StringSplitOptions.RemoveEmptyEntries);
            string? ns = null;
            for (var n = scope.Length; n >= 0 && ns is null; n--)
            {
                var candidate = string.Join('.', scope[..n].Append(parts[0]));
                if (namespaces.Contains(candidate)) ns = candidate;
            }
            if (ns is null) return null;
            var next = 1;
            while (next < parts.Length && namespaces.Contains(ns + "." + parts[next])) ns += "." + parts[next++];
            return next < parts.Length && types.TryGetValue(ns, out var names) && names.Contains(parts[next]) ? ns : null;
        }
    }

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex DeclaredNamespace();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(\w+)")]
    private static partial Regex DeclaredType();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?:global::)?([\w.]+)\s*;")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"^\s*@(?:using|inject|model|inherits|implements)\s+(?:static\s+)?(?:global::)?([\w.]+)")]
    private static partial Regex RazorDirective();

    [GeneratedRegex(@"(?<![\w.])(?:global::)?([A-Z]\w*(?:\.[A-Z]\w*)+)")]
    private static partial Regex QualifiedName();
}
