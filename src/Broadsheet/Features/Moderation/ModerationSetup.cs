namespace Broadsheet.Features.Moderation;

public static class ModerationSetup
{
    /// <summary>The rule book is shared by comments (checking) and display names; the newsroom edits it.</summary>
    public static IServiceCollection AddModeration(this IServiceCollection services) =>
        services.AddSingleton<RuleBooks>();
}
