using Broadsheet.Features.Accounts;
using Broadsheet.Features.Newsroom.Articles;
using Broadsheet.Features.Newsroom.Moderation;
using Broadsheet.Infrastructure.Jobs;
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
            o.Conventions.AuthorizeFolder("/Newsroom/Pages", StaffPolicies.Editors);
            o.Conventions.AuthorizeFolder("/Newsroom/Media", StaffPolicies.Writers);
            // Workflow: staff (everyone has a bell); each handler checks who may take its step, as the editor does.
            o.Conventions.AuthorizeFolder("/Newsroom/Staff", StaffPolicies.Admins);
            o.Conventions.AuthorizeFolder("/Newsroom/Audit", StaffPolicies.Admins);
            o.Conventions.AuthorizeFolder("/Newsroom/Mail", StaffPolicies.Admins);
            o.Conventions.AuthorizeFolder("/Newsroom/Moderation", StaffPolicies.Moderators);
            o.Conventions.AuthorizePage("/Newsroom/Settings", StaffPolicies.Admins);
            o.Conventions.AddPageRoute("/Newsroom/Articles/Edit", "newsroom/articles/new");
            o.Conventions.AddPageRoute("/Newsroom/Pages/Edit", "newsroom/pages/new");
            o.Conventions.AddFolderApplicationModelConvention("/Newsroom", page => page.Filters.Add(new ServiceFilterAttribute(typeof(StrongSignInGate))));
            o.Conventions.AddFolderApplicationModelConvention("/Newsroom", page => page.Filters.Add(new ServiceFilterAttribute(typeof(Language.PersonalLanguage))));
        });
        services.AddSingleton<Language.NewsroomWords>();
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<Language.NewsroomWords>((o, words) =>
            o.ModelMetadataDetailsProviders.Add(new Language.FormWords(words)));
        services.AddLocalization();
        services.AddOptions<Microsoft.AspNetCore.Mvc.DataAnnotations.MvcDataAnnotationsLocalizationOptions>().Configure<Language.NewsroomWords>((o, words) =>
            o.DataAnnotationLocalizerProvider = (type, _) => Language.FormWords.IsNewsroom(type) ? new Language.FormWords.Localizer(words) : null!);
        services.AddSingleton<Features.Pages.SitePageAddress>();
        services.AddScoped<Language.PersonalLanguage>();
        services.AddScoped<Staff.StaffProfiles>();
        services.AddScoped<ArticleDesk>();
        services.AddScoped<Workflow.StaffNames>();
        services.AddScoped<Workflow.WorkflowNotices>();
        services.AddScoped<Workflow.WorkflowPanel>();
        services.AddScoped<Workflow.WhatNeedsYou>();
        services.AddScoped<StrongSignIn>();
        services.AddScoped<StrongSignInGate>();
        services.AddScoped<AuditLog>();
        services.AddScoped<CommentModeration>();
        services.AddScoped<TypoReports.TypoDesk>();
        services.AddSingleton<Infrastructure.Media.ImageIntake>();
        services.AddSingleton<Infrastructure.Media.PictureSources>();
        services.AddJob<Infrastructure.Media.AvifTwins>();
        services.AddScoped<TypoReports.TypoInbox>();
        services.AddJob<TypoReports.TypoDigest>();
        services.AddJob<ScheduledPublishing>();
        return services;
    }

    public static IEndpointRouteBuilder MapNewsroom(this IEndpointRouteBuilder app) => app.MapStaffOnArticlePage();
}
