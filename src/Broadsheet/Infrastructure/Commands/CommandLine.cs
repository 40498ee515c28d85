namespace Broadsheet.Infrastructure.Commands;

/// <summary>
/// What the command line asks for, read strictly: the first word names a command from the table (none:
/// the web server); every other word is a positional argument, whatever it looks like (/tmp/x.db is a
/// path, not a switch); options are configuration, <c>--Key=value</c>, or <c>--Section:Key value</c> and the
/// host's own (<c>--urls value</c>, <c>--environment value</c>, …), and are handed to the configuration
/// rewritten as <c>--key=value</c>, so it never has to guess which word is whose. <c>--</c> ends the
/// options. Anything else is an error that prints the commands, and nothing then starts.
/// </summary>
public sealed class CommandLine
{
    // The settings ASP.NET Core reads from the command line without a section; everything else has one.
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "applicationName", "http_ports", "https_ports",
    };

    private CommandLine() { }

    /// <summary>The command to run; null for the web server.</summary>
    public SiteCommand? Command { get; private init; }
    public IReadOnlyList<string> Arguments { get; private init; } = [];
    public string[] Configuration { get; private init; } = [];

    /// <summary>Set when the command line was answered already (help, or an error): end with this code.</summary>
    public int? ExitCode { get; private init; }

    public static CommandLine Parse(string[] args, IReadOnlyList<SiteCommand> commands, TextWriter output, TextWriter error)
    {
        var words = new List<string>();
        var configuration = new List<string>();
        var own = new List<string>();
        var optionsEnded = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (optionsEnded || arg.Length < 2 || arg[0] != '-') { words.Add(arg); continue; }
            if (arg == "--") { optionsEnded = true; continue; }
            // The command's own options (import-wordpress --dry-run) once its name has been read.
            if (words.Count > 0 && commands.FirstOrDefault(c => c.Name == words[0]) is { } named && named.OptionWords(arg) is > 0 and var width)
            {
                if (i + width - 1 >= args.Length) return Refuse($"The option {arg} needs a value.", commands, error);
                own.Add(arg);
                if (width == 2) own.Add(args[++i]);
                continue;
            }
            if (arg is "--help" or "-h" or "-?") { Help(commands, output); return new CommandLine { ExitCode = 0 }; }
            var option = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : "";
            var equals = option.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? option : option[..equals];
            if (key.Length > 0 && equals >= 0) { configuration.Add(arg); continue; }
            // Without "=", only a setting's name may take the next word as its value; a bare --force is a mistake, not a setting.
            if (key.Length == 0 || (!key.Contains(':', StringComparison.Ordinal) && !HostKeys.Contains(key)))
                return Refuse($"Unknown option {arg}. Options are configuration settings, e.g. --Broadsheet:DataDirectory=/srv/news or --urls http://127.0.0.1:5000.", commands, error);
            if (i + 1 >= args.Length) return Refuse($"The option {arg} needs a value.", commands, error);
            configuration.Add($"--{key}={args[++i]}");
        }

        if (words is [])
            return new CommandLine { Configuration = [.. configuration] };
        if (words[0] == "help") { Help(commands, output); return new CommandLine { ExitCode = 0 }; }
        var command = commands.FirstOrDefault(c => c.Name == words[0]);
        if (command is null) return Refuse($"Unknown command '{words[0]}'.", commands, error);
        var arguments = words.Skip(1).ToList();
        if (arguments.Count < command.Required || arguments.Count > command.Allowed)
            return Refuse($"usage: {command.Usage}   ({command.Summary})", commands, error);
        return new CommandLine { Command = command, Arguments = [.. arguments, .. own], Configuration = [.. configuration] };
    }

    /// <summary>Runs the command over the built app and returns its exit code; the app is disposed afterwards.</summary>
    public async Task<int> RunAsync(WebApplication app)
    {
        await using (app) return await Command!.RunAsync(app, Arguments);
    }

    private static CommandLine Refuse(string problem, IReadOnlyList<SiteCommand> commands, TextWriter error)
    {
        error.WriteLine(problem);
        error.WriteLine();
        Help(commands, error);
        return new CommandLine { ExitCode = 2 };
    }

    private static void Help(IReadOnlyList<SiteCommand> commands, TextWriter output)
    {
        output.WriteLine("usage: dotnet Broadsheet.dll [COMMAND [ARGUMENTS]] [--Section:Key=value ...] [--urls URL]");
        output.WriteLine("With no command it serves the site. Commands:");
        var width = commands.Max(c => c.Usage.Length) + 3;
        foreach (var command in commands) output.WriteLine($"  {command.Usage.PadRight(width)}{command.Summary}");
        output.WriteLine("Settings (Broadsheet:DataDirectory, ConnectionStrings:Broadsheet, ...) apply to every command; see docs/OPERATIONS.md.");
    }
}
