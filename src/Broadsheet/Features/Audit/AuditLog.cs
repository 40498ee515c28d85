using System.Security.Claims;
using Broadsheet.Infrastructure.Data;

namespace Broadsheet.Features.Audit;

/// <summary>Adds entries to the caller's unit of work, so an entry is committed with the act it records, or not at all.</summary>
public sealed class AuditLog(BroadsheetDb db, TimeProvider clock)
{
    public void Record(ClaimsPrincipal actor, string action, int? articleId = null, string? accountId = null, string details = "") =>
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Actor = actor.Identity?.Name ?? "system",
            Action = action,
            ArticleId = articleId,
            AccountId = accountId,
            Details = details.Length > 2000 ? details[..2000] : details,
        });
}
