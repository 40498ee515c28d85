namespace Broadsheet.Infrastructure.Mail;

public static class MailSetup
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Broadsheet:Smtp").Get<SmtpOptions>() ?? new SmtpOptions());
        services.AddSingleton<MailFolder>();
        services.AddSingleton<MailSender>();
        services.AddSingleton<MailOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<MailOutbox>());
        return services;
    }
}
