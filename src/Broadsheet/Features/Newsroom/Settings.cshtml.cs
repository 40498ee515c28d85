using System.ComponentModel.DataAnnotations;
using Broadsheet.Features.Audit;
using Broadsheet.Features.Site;
using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Broadsheet.Infrastructure.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom;

/// <summary>The publication's settings. Saving them evicts every cached page, since every page shows some of them.</summary>
[RequestSizeLimit(2 * ImageIntake.MaxBytes + 512 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * ImageIntake.MaxBytes + 512 * 1024)]
public sealed class SettingsModel(BroadsheetDb db, CacheEviction cache, AuditLog audit, PublicOrigin publicOrigin, PageMeta meta,
    ImageIntake intake, Language.NewsroomWords words) : PageModel
{
    /// <summary>The smallest icon a phone's home screen takes without blurring it (Apple's touch icon is 180 px).</summary>
    public const int MinIconSize = 180;

    /// <summary>What the site shows now, for the previews beside the upload fields.</summary>
    public string? LogoPath { get; private set; }
    public string? IconPath { get; private set; }

    [BindProperty] public SettingsForm Input { get; set; } = new();
    [TempData] public string? Notice { get; set; }

    /// <summary>Broadsheet:PublicUrl, which wins over the address kept here; the field then only shows it.</summary>
    public string? ConfiguredAddress => publicOrigin.IsConfigured ? publicOrigin.Known : null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Describe();
        var s = await db.SiteSettings.AsNoTracking().Include(x => x.Channels).OrderBy(x => x.Id).FirstAsync(ct);
        (LogoPath, IconPath) = (s.LogoPath, s.IconPath);
        Input = new SettingsForm
        {
            PublicationName = s.PublicationName, Tagline = s.Tagline, Language = s.Language, TimeZoneId = s.TimeZoneId,
            TimeZoneLabel = s.TimeZoneLabel, CommentRules = s.CommentRules, CommentNotice = s.CommentNotice, PublicUrl = s.PublicUrl,
            StrongSignInForEditors = s.StrongSignInForEditors, ViewsShownFrom = s.ViewsShownFrom,
            Publisher = s.Publisher, EditorInChief = s.EditorInChief, RegistrationNumber = s.RegistrationNumber,
            AgeRating = s.AgeRating, EditorialAddress = s.EditorialAddress,
            Channels = string.Join("\n", s.Channels.OrderBy(c => c.Position)
                .Select(c => $"{c.Name} | {c.Url}{(c.ChosenArticlesOnly ? $" | {ChosenOnly}" : "")}")),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Describe();
        if (Input.Language is not ("en" or "ru")) ModelState.AddModelError("Input.Language", words["The language is en or ru."]);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(Input.TimeZoneId ?? "", out _))
            ModelState.AddModelError("Input.TimeZoneId", words["\"{0}\" is not a known time zone; use an IANA id such as Europe/Moscow.", Input.TimeZoneId]);
        var channels = ParseChannels(Input.Channels);
        var address = PublicOrigin.Normalize(Input.PublicUrl);
        if (Input.PublicUrl is { Length: > 0 } typed && address is null)
            ModelState.AddModelError("Input.PublicUrl", words["\"{0}\" is not a web address; write it as https://news.example.", typed]);
        if (Input.AgeRating is { Length: > 0 } rating && !AgeRatings.Contains(rating.Trim()))
            ModelState.AddModelError("Input.AgeRating", words["The age rating is one of {0}.", string.Join(", ", AgeRatings)]);
        if (!ModelState.IsValid) return await AgainAsync(ct);
        var logo = await TakePictureAsync(Input.Logo, nameof(Input.Logo), square: false, ct);
        var icon = await TakePictureAsync(Input.Icon, nameof(Input.Icon), square: true, ct);
        if (!ModelState.IsValid) return await AgainAsync(ct);

        var s = await db.SiteSettings.Include(x => x.Channels).OrderBy(x => x.Id).FirstAsync(ct);
        if (Input.RemoveLogo) s.LogoPath = null;
        if (Input.RemoveIcon) s.IconPath = null;
        s.LogoPath = logo ?? s.LogoPath;
        s.IconPath = icon ?? s.IconPath;
        s.PublicationName = Input.PublicationName.Trim();
        s.Tagline = Input.Tagline?.Trim() ?? "";
        s.Language = Input.Language!;
        s.TimeZoneId = Input.TimeZoneId!;
        s.TimeZoneLabel = Input.TimeZoneLabel?.Trim() ?? "";
        s.CommentRules = Input.CommentRules?.Trim() ?? "";
        s.CommentNotice = Input.CommentNotice?.Trim() ?? "";
        var addressChanged = s.PublicUrl != address;
        s.PublicUrl = address;
        s.StrongSignInForEditors = Input.StrongSignInForEditors;
        s.ViewsShownFrom = Input.ViewsShownFrom;
        s.Publisher = Blank(Input.Publisher);
        s.EditorInChief = Blank(Input.EditorInChief);
        s.RegistrationNumber = Blank(Input.RegistrationNumber);
        s.AgeRating = Blank(Input.AgeRating);
        s.EditorialAddress = Blank(Input.EditorialAddress);
        // Kept by name, not replaced: articles chosen for a channel stay chosen across a settings save.
        db.Channels.RemoveRange(s.Channels.Where(c => !channels.Any(n => n.Name.Equals(c.Name, StringComparison.OrdinalIgnoreCase))));
        foreach (var wanted in channels)
        {
            var kept = s.Channels.FirstOrDefault(c => c.Name.Equals(wanted.Name, StringComparison.OrdinalIgnoreCase));
            if (kept is null) { s.Channels.Add(wanted); continue; }
            (kept.Name, kept.Url, kept.Position, kept.ChosenArticlesOnly) = (wanted.Name, wanted.Url, wanted.Position, wanted.ChosenArticlesOnly);
        }
        // Every mailed link starts with the address, so who changed it belongs on the record.
        audit.Record(User, AuditAction.SettingsChange, details: $"{s.PublicationName}, {s.Language}, {s.TimeZoneId}{(addressChanged ? $", address {address ?? "cleared"}" : "")}{(s.StrongSignInForEditors ? ", passkey or two-step sign-in for editors" : "")}");
        await db.SaveChangesAsync(ct);
        await cache.SettingsChangedAsync(ct);
        Notice = words["Settings saved; the site shows them now."];
        return Redirect("/newsroom/settings");
    }

    /// <summary>The form again with its messages, and the pictures the site shows now beside it.</summary>
    private async Task<IActionResult> AgainAsync(CancellationToken ct)
    {
        var pictures = await db.SiteSettings.AsNoTracking().OrderBy(x => x.Id).Select(x => new { x.LogoPath, x.IconPath }).FirstAsync(ct);
        (LogoPath, IconPath) = (pictures.LogoPath, pictures.IconPath);
        return Page();
    }

    /// <summary>An uploaded logo or icon through the media intake (checked by content, metadata dropped); null when none was sent or it was refused.</summary>
    private async Task<string?> TakePictureAsync(IFormFile? file, string field, bool square, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return null;
        var key = $"Input.{field}";
        if (file.Length > ImageIntake.MaxBytes)
        {
            ModelState.AddModelError(key, words["The file is larger than {0} MB.", ImageIntake.MaxBytes / 1024 / 1024]);
            return null;
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var result = await intake.AcceptAsync(buffer.ToArray(), ct);
        if (result.Error is { } error) { ModelState.AddModelError(key, error); return null; }
        // Checked on the upright size the intake read; a refused icon leaves its renditions unused in uploads, as an unused library picture does.
        if (square && (result.Width != result.Height || result.Width < MinIconSize))
        {
            ModelState.AddModelError(key, words["The icon must be square and at least {0} pixels wide.", MinIconSize]);
            return null;
        }
        return result.Path;
    }

    /// <summary>The marks of the Russian law on protecting children from harmful information (436-FZ, art. 2), which a news site prints.</summary>
    public static readonly string[] AgeRatings = ["0+", "6+", "12+", "16+", "18+"];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The third column that makes a channel carry only the articles ticked for it in the editor.</summary>
    public const string ChosenOnly = "chosen";

    private List<Channel> ParseChannels(string? text)
    {
        var list = new List<Channel>();
        foreach (var (line, i) in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((l, i) => (l, i)))
        {
            var parts = line.Split('|', 3, StringSplitOptions.TrimEntries);
            var chosenOnly = parts.Length == 3 && parts[2].Equals(ChosenOnly, StringComparison.OrdinalIgnoreCase);
            var ok = (parts.Length == 2 || chosenOnly) && parts[0].Length is > 0 and <= 100
                && (SitePath.IsLocal(parts[1])
                    || Uri.TryCreate(parts[1], UriKind.Absolute, out var u) && u.Scheme is "https" or "http");
            if (!ok) ModelState.AddModelError("Input.Channels", words["Line {0} should read \"Name | https://…\", or \"Name | https://… | chosen\".", i + 1]);
            else list.Add(new Channel { Name = parts[0], Url = parts[1], Position = i, ChosenArticlesOnly = chosenOnly });
        }
        return list;
    }

    private void Describe()
    {
        meta.Title = words["Site settings"];
        meta.NoIndex = true;
    }
}

public sealed class SettingsForm
{
    [Required, StringLength(150)] public string PublicationName { get; set; } = "";
    [StringLength(300)] public string? Tagline { get; set; }
    [Required] public string? Language { get; set; } = "en";
    [Required, StringLength(100)] public string? TimeZoneId { get; set; }
    [StringLength(50)] public string? TimeZoneLabel { get; set; }
    [StringLength(4000)] public string? Channels { get; set; }
    [StringLength(4000)] public string? CommentRules { get; set; }
    [StringLength(1000)] public string? CommentNotice { get; set; }
    [StringLength(200)] public string? PublicUrl { get; set; }
    public bool StrongSignInForEditors { get; set; }
    [Range(0, 1_000_000_000)] public int ViewsShownFrom { get; set; } = 100;
    [StringLength(300)] public string? Publisher { get; set; }
    [StringLength(200)] public string? EditorInChief { get; set; }
    [StringLength(300)] public string? RegistrationNumber { get; set; }
    [StringLength(5)] public string? AgeRating { get; set; }
    [StringLength(300)] public string? EditorialAddress { get; set; }
    public IFormFile? Logo { get; set; }
    public IFormFile? Icon { get; set; }
    public bool RemoveLogo { get; set; }
    public bool RemoveIcon { get; set; }
}
