namespace Broadsheet.Features.Accounts;

public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Author = "Author";
    public const string Moderator = "Moderator";

    /// <summary>The public's accounts, for comments; not staff, and kept out of the newsroom.</summary>
    public const string Reader = "Reader";

    public static readonly string[] All = [Admin, Editor, Author, Moderator, Reader];
    public static readonly string[] Staff = [Admin, Editor, Author, Moderator];
}

/// <summary>The authorization policies the newsroom's pages and handlers name.</summary>
public static class StaffPolicies
{
    /// <summary>Anyone on the staff: the newsroom's front door.</summary>
    public const string Staff = "Staff";

    /// <summary>Those who write: authors, editors and admins.</summary>
    public const string Writers = "Writers";

    /// <summary>Those who decide what goes out: publish, schedule, unpublish, taxonomy.</summary>
    public const string Editors = "Editors";
    public const string Admins = "Admins";
}
