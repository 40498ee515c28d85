namespace Broadsheet.Features.Archive;

public static class ArchiveSetup
{
    public static IServiceCollection AddArchive(this IServiceCollection services) =>
        services.AddScoped<ArchiveCalendar>();
}
