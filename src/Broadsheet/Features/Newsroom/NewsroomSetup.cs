using Broadsheet.Features.Accounts;
using Broadsheet.Features.Newsroom.Articles;
using Broadsheet.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Newsroom;

public static class NewsroomSetup
{
    public static IServiceCollection AddNewsroom(this IServiceCollection services)
    {
        services.PostConfigure<RazorPagesOptions>(o =>
        {
            // Folder = URL = rule: every page under /newsroom names who may open it.
            o.Conventions.AuthorizeFolder("/Newsroom", StaffPolicies.Staff);
            o.Conventions.AuthorizeFolder("/Newsroom/Articles", StaffPolicies.Writers);
            o.Conventions.AuthorizeFolder("/Newsroom/Taxonomy", StaffPolicies.Editors);
            o.Conventions.AuthorizeFolder("/Newsroom/Newsletter", StaffPolicies.Editors);
            o.Conventions.AuthorizeFolder("/Newsroom/TypoReports", StaffPolicies.Editors);
            o.Conventions.AuthorizeFolder("/Newsroom/Media", StaffPolicies.Writers);
            o.Conventions.AuthorizeFolder("/Newsroom/Staff", StaffPolicies.Admins);
            o.Conventions.AuthorizeFolder("/Newsroom/Audit", StaffPolicies.Admins);
            o.Conventions.AuthorizePage("/Newsroom/Settings", StaffPolicies.Admins);
            o.Conventions.AddPageRoute("/Newsroom/Articles/Edit", "newsroom/articles/new");
            o.Conventions.AddFolderApplicationModelConvention("/Newsroom", page => page.Filters.Add(new ServiceFilterAttribute(typeof(StrongSignInGate))));
        });
        services.AddScoped<ArticleDesk>();
        services.AddScoped<StrongSignIn>();
        services.AddScoped<StrongSignInGate>();
        services.AddScoped<AuditLog>();
        services.AddScoped<TypoReports.TypoDesk>();
        services.AddSingleton<Infrastructure.Media.ImageIntake>();
        services.AddScoped<TypoReports.TypoInbox>();
        services.AddSingleton<TypoReports.TypoDigest>();
        services.AddHostedService(sp => sp.GetRequiredService<TypoReports.TypoDigest>());
        services.AddSingleton<ScheduledPublishing>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublishing>());
        return services;
    }
}
