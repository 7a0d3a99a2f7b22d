using System.Net;
using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Tests.Orchestrator.Docker;

public sealed class The_portal_sample_image : IAsyncLifetime
{
    private const string Image = "drills/portal:1";

    private readonly DockerContainerRuntime _runtime = TestEngine.Runtime();
    private readonly string _name = TestEngine.UniqueName("portal");
    private readonly int _port = TestEngine.FreePort();
    private readonly CancellationToken _token = TestEngine.Timeout();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private string _id = string.Empty;

    public async Task InitializeAsync()
    {
        await TestEngine.RequireImageAsync(_runtime, Image, _token);
        var spec = new ContainerSpec(Image, _name, [$"127.0.0.1:{_port}:8080"], [], new Dictionary<string, string>(), []);
        _id = await _runtime.CreateAsync(spec, new Dictionary<string, string>(), _token);
        await _runtime.StartAsync(_id, _token);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await TestEngine.RemoveIfPresentAsync(_runtime, _name);
        _runtime.Dispose();
    }

    [Fact]
    public async Task Answers_health_200_and_serves_the_Vietnamese_title_on_its_published_port()
    {
        await WaitForHealthAsync(HttpStatusCode.OK);

        var home = await _http.GetAsync(new Uri($"http://127.0.0.1:{_port}/"), _token);
        var body = await home.Content.ReadAsStringAsync(_token);
        Assert.Equal("utf-8", home.Content.Headers.ContentType?.CharSet);
        Assert.Contains("Cổng dịch vụ công", body);
    }

    [Fact]
    public async Task Answers_health_404_once_the_home_page_is_gone()
    {
        await WaitForHealthAsync(HttpStatusCode.OK);

        var moved = await _runtime.ExecAsync(_id, ["mv", "/srv/www/index.html", "/srv/www/index.html.locked"], _token);

        Assert.True(moved.Succeeded, moved.Stderr);
        await WaitForHealthAsync(HttpStatusCode.NotFound);
    }

    private Task WaitForHealthAsync(HttpStatusCode expected) =>
        TestEngine.EventuallyAsync(
            $"/health answers {(int)expected}",
            TimeSpan.FromSeconds(30),
            async () =>
            {
                using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{_port}/health"), _token);
                return response.StatusCode == expected;
            },
            _token);
}
