namespace Broadsheet.Infrastructure.Commands;

/// <summary>
/// One command of <c>dotnet Broadsheet.dll COMMAND [ARGUMENTS]</c>, run instead of the web server.
/// <paramref name="Arguments"/> names its positional arguments as the help shows them ("FILE",
/// "[ARTICLES]": square brackets for an optional one); <paramref name="RunAsync"/> returns the exit code.
/// </summary>
public sealed record SiteCommand(string Name, string Arguments, string Summary, Func<WebApplication, IReadOnlyList<string>, Task<int>> RunAsync)
{
    private string[] Names => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    public int Required => Names.Count(n => !n.StartsWith('['));
    public int Allowed => Names.Length;
    public string Usage => Arguments.Length == 0 ? Name : $"{Name} {Arguments}";
}
