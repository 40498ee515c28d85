using Broadsheet.Infrastructure.Caching;
using Broadsheet.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Features.Shared;

public sealed class RubricNavigationViewComponent(BroadsheetDb db, ListingMemo memo) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var rubrics = await memo.GetOrLoadAsync("rubric-navigation", "", () =>
            db.Rubrics.AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Name)
                .Select(r => new RubricLink(r.Slug, r.Name)).ToListAsync());
        return View(rubrics);
    }
}

public sealed record RubricLink(string Slug, string Name);
