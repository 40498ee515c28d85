using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Support;

/// <summary>The real app with <see cref="FailingWrites"/> among its database interceptors.</summary>
public sealed class FailingWritesApp : BroadsheetApp
{
    public FailingWritesApp() { }

    public FailingWritesApp(TestDatabase database) : base(database) { }

    public FailingWrites Writes { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(Writes));
    }
}
