using System.Security.Claims;

namespace Broadsheet.Features.Accounts;

/// <summary>
/// The roles, and the groups of them that the newsroom's rules speak of. A group is named here once and
/// read by both the authorization policies (<see cref="StaffPolicies"/>) and the code that shows or
/// allows something to the same people (the newsroom menu, the editor, strong sign-in).
/// </summary>
public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Author = "Author";
    public const string Moderator = "Moderator";

    /// <summary>The public's accounts, for comments; not staff, and kept out of the newsroom.</summary>
    public const string Reader = "Reader";

    public static readonly string[] All = [Admin, Editor, Author, Moderator, Reader];

    /// <summary>Anyone on the staff: the newsroom's front door.</summary>
    public static readonly string[] Staff = [Admin, Editor, Author, Moderator];

    /// <summary>Those who write: authors, editors and admins.</summary>
    public static readonly string[] Writers = [Admin, Editor, Author];

    /// <summary>Those who decide what goes out: publish, schedule, unpublish, taxonomy.</summary>
    public static readonly string[] Editors = [Admin, Editor];

    /// <summary>Who works the comment queue and edits the rules.</summary>
    public static readonly string[] Moderators = [Admin, Editor, Moderator];

    public static readonly string[] Admins = [Admin];

    public static bool IsInAny(this ClaimsPrincipal user, IEnumerable<string> group) => group.Any(user.IsInRole);
}

/// <summary>The authorization policies the newsroom's pages and handlers name, each admitting one group of <see cref="StaffRoles"/>.</summary>
public static class StaffPolicies
{
    public const string Staff = "Staff";
    public const string Writers = "Writers";
    public const string Editors = "Editors";
    public const string Moderators = "Moderators";
    public const string Admins = "Admins";

    public static readonly IReadOnlyDictionary<string, string[]> Groups = new Dictionary<string, string[]>
    {
        [Staff] = StaffRoles.Staff,
        [Writers] = StaffRoles.Writers,
        [Editors] = StaffRoles.Editors,
        [Moderators] = StaffRoles.Moderators,
        [Admins] = StaffRoles.Admins,
    };
}
