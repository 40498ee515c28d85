namespace Broadsheet.Features.Newsroom.Moderation;

public static class ModerationPolicy
{
    /// <summary>Moderators, editors and admins: who works the comment queue and edits the rules.</summary>
    public const string Moderators = "Moderators";
}
