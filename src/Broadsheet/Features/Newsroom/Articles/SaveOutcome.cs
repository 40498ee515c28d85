using Broadsheet.Features.Articles;

namespace Broadsheet.Features.Newsroom.Articles;

/// <summary>What a save came to: the saved article, or the reasons it was refused, by form field.</summary>
public sealed class SaveOutcome
{
    public Article? Article { get; set; }
    public List<(string Field, string Message)> Errors { get; } = [];
    public bool IsForbidden { get; private set; }
    public bool IsMissing { get; private set; }

    /// <summary>Set when someone else saved first; the version they left, for the editor to start from once they have merged by hand.</summary>
    public Guid? ConflictingVersion { get; private set; }
    internal string? Slug { get; set; }

    public bool Succeeded => Errors.Count == 0 && !IsForbidden && !IsMissing && ConflictingVersion is null;

    public SaveOutcome Error(string field, string message)
    {
        Errors.Add((field, message));
        return this;
    }

    public SaveOutcome Forbidden() { IsForbidden = true; return this; }
    public SaveOutcome Missing() { IsMissing = true; return this; }

    public SaveOutcome Conflict(Guid current)
    {
        ConflictingVersion = current;
        return Error("", "This article was changed by someone else while you were editing. Your text is kept below; " +
            "open the article in another tab to see their version, merge by hand; saving again replaces their version with yours.");
    }
}
