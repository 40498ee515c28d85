namespace Broadsheet.Features.Demo;

public static class DemoSetup
{
    public static IServiceCollection AddDemoPublication(this IServiceCollection services) =>
        services.AddSingleton<DemoPublication>();
}
