using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Support;

/// <summary>
/// The real app where each client may come from an address of its own. The test server has no
/// sockets, so the address travels in a test-only header that a filter, ahead of the app's own
/// pipeline, turns into Connection.RemoteIpAddress, which is all the app ever reads.
/// </summary>
public sealed class AddressedApp : BroadsheetApp
{
    public const string Header = "X-Test-Remote-Address";

    /// <summary>A client with its own cookies, connecting from <paramref name="address"/>.</summary>
    public HttpClient From(string address)
    {
        var client = Reader();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>());
    }

    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextStep) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header], out var address)) context.Connection.RemoteIpAddress = address;
                context.Request.Headers.Remove(Header);
                return nextStep(context);
            });
            next(app);
        };
    }
}
