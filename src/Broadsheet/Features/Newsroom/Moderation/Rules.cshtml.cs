using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Moderation;
using Broadsheet.Features.Site;
using Broadsheet.Features.Audit;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Moderation;

/// <summary>The rule book: words, phrases, patterns and allowed link domains, added and removed by moderators.</summary>
public sealed class RulesModel(BroadsheetDb db, RuleBooks books, AuditLog audit, PageMeta meta) : PageModel
{
    [BindProperty] public RuleForm Input { get; set; } = new();
    public List<CommentRule> Rules { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var pattern = Input.Pattern.Trim();
        if (Input.Kind == CommentRuleKind.Pattern && RuleBook.Compile(pattern) is null)
            ModelState.AddModelError("Input.Pattern", "This is not a valid regular expression.");
        if (Input.Action == RuleAction.Refuse && Input.Message.Trim().Length == 0 && Input.Kind != CommentRuleKind.AllowedDomain)
            ModelState.AddModelError("Input.Message", "A refusing rule tells the reader why.");
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        db.Add(new CommentRule { Kind = Input.Kind, Category = Input.Category.Trim(), Pattern = pattern, Action = Input.Action, Message = Input.Message.Trim() });
        audit.Record(User, "comment-rule-add", details: $"{Input.Kind} {Input.Action}: {pattern}");
        await db.SaveChangesAsync(ct);
        books.Forget();
        Notice = "The rule is added.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int rule, CancellationToken ct)
    {
        if (await db.CommentRules.FirstOrDefaultAsync(r => r.Id == rule, ct) is { } found)
        {
            db.Remove(found);
            audit.Record(User, "comment-rule-remove", details: $"{found.Kind} {found.Action}: {found.Pattern}");
            await db.SaveChangesAsync(ct);
            books.Forget();
            Notice = "The rule is removed.";
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        meta.Title = "Comment rules";
        meta.NoIndex = true;
        Rules = await db.CommentRules.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Category).ThenBy(r => r.Pattern).ToListAsync(ct);
    }
}

public sealed class RuleForm
{
    public CommentRuleKind Kind { get; set; } = CommentRuleKind.Word;
    [StringLength(60)] public string Category { get; set; } = "";
    [Required, StringLength(CommentRule.PatternMax)] public string Pattern { get; set; } = "";
    public RuleAction Action { get; set; } = RuleAction.Hold;
    [StringLength(300)] public string Message { get; set; } = "";
}
