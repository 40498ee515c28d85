namespace Broadsheet.Features.Articles.History;

/// <summary>The step a revision was saved with, as its label in the history says it.</summary>
public static class RevisionAction
{
    public const string Saved = "saved";
    public const string Autosaved = "autosaved";
    public const string Submitted = "submitted";
    public const string Scheduled = "scheduled";
    public const string Published = "published";
    public const string Unpublished = "unpublished";
    public const string Returned = "returned";
    public const string Restored = "restored";
    public const string TypoFix = "typo-fix";
}
