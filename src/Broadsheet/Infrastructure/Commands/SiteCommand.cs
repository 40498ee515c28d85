namespace Broadsheet.Infrastructure.Commands;

/// <summary>
/// One command of <c>dotnet Broadsheet.dll COMMAND [ARGUMENTS]</c>, run instead of the web server.
/// <paramref name="Arguments"/> names its positional arguments as the help shows them ("FILE",
/// "[ARTICLES]": square brackets for an optional one); <paramref name="RunAsync"/> returns the exit code.
/// </summary>
public sealed record SiteCommand(string Name, string Arguments, string Summary, Func<WebApplication, IReadOnlyList<string>, Task<int>> RunAsync)
{
    /// <summary>Options of this command alone, as the help shows them ("--dry-run", "--uploads DIR"); handed to it after its arguments.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>How many words the option takes with its value (1 or 2), or 0 when it is not one of <see cref="Options"/>.</summary>
    public int OptionWords(string word) =>
        Options.FirstOrDefault(o => o.Split(' ')[0] == word) is { } option ? option.Split(' ').Length : 0;

    private string[] Names => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    public int Required => Names.Count(n => !n.StartsWith('['));
    public int Allowed => Names.Length;
    public string Usage => string.Join(' ', new[] { Name, Arguments }.Concat(Options.Select(o => $"[{o}]")).Where(w => w.Length > 0));
}
