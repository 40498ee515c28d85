using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Moderation;
using Broadsheet.Features.Newsroom.Language;
using Broadsheet.Features.Site;
using Broadsheet.Features.Audit;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Moderation;

/// <summary>The rule book: words, phrases, patterns and allowed link domains, added and removed by moderators.</summary>
public sealed class RulesModel(BroadsheetDb db, RuleBooks books, AuditLog audit, PageMeta meta, PublicOrigin origin, NewsroomWords words) : PageModel
{
    public const int TrialMax = 4000;

    [BindProperty] public RuleForm Input { get; set; } = new();
    public List<CommentRule> Rules { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    /// <summary>Word rules of one list only (ru, en, any); null shows every rule.</summary>
    [BindProperty(SupportsGet = true)] public WordLanguage? Language { get; set; }

    /// <summary>A sentence the moderator tried against the saved rules, and what the rules made of it.</summary>
    [BindProperty] public string? Trial { get; set; }
    public Verdict? TrialVerdict { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostTryAsync(CancellationToken ct)
    {
        // The rule form is not part of this post: its empty fields are no error here.
        ModelState.Clear();
        var text = (Trial ?? "").Trim();
        if (text.Length == 0 || text.Length > TrialMax) ModelState.AddModelError(nameof(Trial), words["Write a sentence of 1 to {0:N0} characters.", TrialMax]);
        else
        {
            // The same book and the same own host a reader's comment meets, so the verdict is the one they would get.
            var book = await books.CurrentAsync(ct);
            TrialVerdict = book.Check(text, new Uri(origin.ForPages).Host.ToLowerInvariant(), "(refused: a third-party link)", "(refused with the generic message)");
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var pattern = Input.Pattern.Trim();
        if (Input.Kind == CommentRuleKind.Pattern && RuleBook.Compile(pattern) is null)
            ModelState.AddModelError("Input.Pattern", words["This is not a valid regular expression."]);
        if (Input.Action == RuleAction.Refuse && Input.Message.Trim().Length == 0 && Input.Kind != CommentRuleKind.AllowedDomain)
            ModelState.AddModelError("Input.Message", words["A refusing rule tells the reader why."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var word = Input.Kind == CommentRuleKind.Word;
        db.Add(new CommentRule
        {
            Kind = Input.Kind, Category = Input.Category.Trim(), Pattern = pattern, Action = Input.Action, Message = Input.Message.Trim(),
            Language = word ? Input.Language : WordLanguage.Any, Forms = word ? (Input.Forms ?? "").Trim() : "", ExactOnly = word && Input.ExactOnly,
        });
        audit.Record(User, "comment-rule-add", details: $"{Input.Kind} {Input.Action}: {pattern}" + (word ? $" ({Input.Language}{(Input.ExactOnly ? ", exact" : "")}{(Input.Forms is { Length: > 0 } forms ? $"; forms {forms.Trim()}" : "")})" : ""));
        await db.SaveChangesAsync(ct);
        books.Forget();
        Notice = words["The rule is added."];
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
            Notice = words["The rule is removed."];
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        meta.Title = words["Comment rules"];
        meta.NoIndex = true;
        var rules = db.CommentRules.AsNoTracking();
        if (Language is { } language) rules = rules.Where(r => r.Kind == CommentRuleKind.Word && r.Language == language);
        Rules = await rules.OrderBy(r => r.Kind).ThenBy(r => r.Language).ThenBy(r => r.Category).ThenBy(r => r.Pattern).ToListAsync(ct);
    }
}

public sealed class RuleForm
{
    public CommentRuleKind Kind { get; set; } = CommentRuleKind.Word;
    [StringLength(60)] public string Category { get; set; } = "";
    [Required, StringLength(CommentRule.PatternMax)] public string Pattern { get; set; } = "";
    public RuleAction Action { get; set; } = RuleAction.Hold;
    [StringLength(300)] public string Message { get; set; } = "";
    public WordLanguage Language { get; set; }
    [StringLength(CommentRule.PatternMax)] public string? Forms { get; set; }
    public bool ExactOnly { get; set; }
}
