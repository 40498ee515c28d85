using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Infrastructure.Jobs;

public static class JobsSetup
{
    public static IServiceCollection AddJobLeases(this IServiceCollection services) =>
        services.AddSingleton<WebNode>().AddSingleton<JobLeases>();

    public static void Configure(ModelBuilder model) =>
        model.Entity<JobLease>(l =>
        {
            l.HasKey(x => x.Job);
            l.Property(x => x.Job).HasMaxLength(100);
            l.Property(x => x.Holder).HasMaxLength(200);
        });
}
