using Microsoft.EntityFrameworkCore;

namespace Broadsheet.Infrastructure.Jobs;

public static class JobsSetup
{
    /// <summary>The lease, this node's name and the one host that runs every job registered with <see cref="AddJob{T}"/>.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services) =>
        services.AddSingleton<WebNode>().AddSingleton<JobLeases>().AddHostedService<JobHost>();

    /// <summary>A job for the host; also a singleton of its own type, so a test (or a page) can run a pass by hand.</summary>
    public static IServiceCollection AddJob<T>(this IServiceCollection services) where T : class, IJob =>
        services.AddSingleton<T>().AddSingleton<IJob>(sp => sp.GetRequiredService<T>());

    public static void Configure(ModelBuilder model) =>
        model.Entity<JobLease>(l =>
        {
            l.HasKey(x => x.Job);
            l.Property(x => x.Job).HasMaxLength(100);
            l.Property(x => x.Holder).HasMaxLength(200);
        });
}
