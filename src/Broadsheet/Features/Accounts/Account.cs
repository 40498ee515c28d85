using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Features.Accounts;

/// <summary>Anyone who signs in: staff (Admin, Editor, Author, Moderator) and readers alike; the role says which.</summary>
public sealed class Account : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    /// <summary><see cref="DisplayNames.Key"/> of the display name: two readers may not have names that look alike.</summary>
    public string DisplayNameKey { get; set; } = "";

    /// <summary>UTC; a reader blocked by a moderator may read and sign in but not comment until then. <see cref="DateTime.MaxValue"/> is "for good".</summary>
    public DateTime? BlockedUntil { get; set; }

    /// <summary>"en" or "ru" when a staff member chose the newsroom's language; null speaks the site's.</summary>
    public string? NewsroomLanguage { get; set; }

    public bool IsBlockedAt(DateTime now) => BlockedUntil is { } until && until > now;
}
