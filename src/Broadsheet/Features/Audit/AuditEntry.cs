namespace Broadsheet.Features.Audit;

/// <summary>One line of "who did what and when" for the acts that matter afterwards: publishing, deleting, roles, settings.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public int? ArticleId { get; set; }

    /// <summary>The account acted upon, for role changes and invitations.</summary>
    public string? AccountId { get; set; }
    public string Details { get; set; } = "";
}

public static class AuditAction
{
    public const string Publish = "publish";
    public const string Schedule = "schedule";
    public const string Unpublish = "unpublish";
    public const string Delete = "delete";
    public const string Correct = "correct";
    public const string Invite = "invite";
    public const string SetupLink = "setup-link";
    public const string RoleChange = "role-change";
    public const string SettingsChange = "settings-change";
    public const string TypoFix = "typo-fix";
    public const string TypoDismiss = "typo-dismiss";
    public const string FrontPage = "front-page";
    public const string Breaking = "breaking";
    public const string Submit = "submit";
    public const string ReturnToDraft = "return-to-draft";
    public const string Restore = "restore";
    public const string Assign = "assign";
    public const string BreakingAlert = "breaking-alert";
    public const string MediaEdit = "media-edit";
    public const string MediaDelete = "media-delete";
    public const string ImportStart = "import-start";
}
