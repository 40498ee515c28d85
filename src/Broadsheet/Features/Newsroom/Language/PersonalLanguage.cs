using System.Globalization;
using Broadsheet.Features.Newsroom.Articles;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Newsroom.Language;

/// <summary>
/// The newsroom speaks the site's language (set for every request by <c>UseSite</c>) unless the person
/// signed in chose another on their profile. A resource filter, so the choice also holds while the
/// layout renders, after the handler has returned.
/// </summary>
public sealed class PersonalLanguage(BroadsheetDb db) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        if (context.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            var id = ArticleDesk.AccountId(context.HttpContext.User);
            var chosen = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.NewsroomLanguage).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (Culture(chosen) is { } culture)
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
            }
        }
        await next();
    }

    public static readonly string[] Languages = ["en", "ru"];

    public static CultureInfo? Culture(string? language) => language switch
    {
        "ru" => CultureInfo.GetCultureInfo("ru-RU"),
        "en" => CultureInfo.GetCultureInfo("en-GB"),
        _ => null,
    };
}
