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

    /// <summary>
    /// UTC; when the reader agreed to the processing of their personal data at sign-up, and which wording
    /// (<see cref="ProcessingConsent.Version"/>) they agreed to: 152-FZ and the GDPR both ask the operator to prove it.
    /// Null for staff and for accounts made before consent was asked.
    /// </summary>
    public DateTime? ConsentedAt { get; set; }
    public string? ConsentVersion { get; set; }

    public bool IsBlockedAt(DateTime now) => BlockedUntil is { } until && until > now;
}
