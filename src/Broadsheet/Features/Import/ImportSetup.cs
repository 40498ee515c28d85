using Broadsheet.Features.Accounts;
using Broadsheet.Features.Newsroom;
using Broadsheet.Infrastructure.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Broadsheet.Features.Import;

public static class ImportSetup
{
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddScoped<WordPressImport>();
        services.AddJob<ImportDesk>();
        // The screens live with the importer (the newsroom folder cannot import it back) but are newsroom screens:
        // administrators only, behind the same strong sign-in gate, in the person's own newsroom language.
        services.PostConfigure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Import", StaffPolicies.Admins);
            o.Conventions.AddFolderApplicationModelConvention("/Import", page => page.Filters.Add(new ServiceFilterAttribute(typeof(StrongSignInGate))));
            o.Conventions.AddFolderApplicationModelConvention("/Import", page => page.Filters.Add(new ServiceFilterAttribute(typeof(Newsroom.Language.PersonalLanguage))));
        });
        return services;
    }
}
