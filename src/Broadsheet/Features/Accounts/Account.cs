using Microsoft.AspNetCore.Identity;

namespace Broadsheet.Features.Accounts;

/// <summary>Anyone who signs in: staff (Admin, Editor, Author, Moderator) and readers alike; the role says which.</summary>
public sealed class Account : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
