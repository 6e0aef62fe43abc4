using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Abstractions.Articles;
using Grid.Client.Http;
using Grid.Cluster.Tests.Api;
using Grid.Grains.Tests.Text;

namespace Grid.Cluster.Tests.LibreTranslate;

/// <summary>/translate, /languages and /detect as LibreTranslate's clients expect them, over the articles' chunk grains.</summary>
public sealed class LibreTranslateApiTests(LibreTranslateFixture fixture, NodeLibreTranslateClient npm)
    : IClassFixture<LibreTranslateFixture>, IClassFixture<NodeLibreTranslateClient>
{
    private const string Persian = "وزیر امور خارجه ایران روز دوشنبه در تهران گفت که کشورش آماده گفتگو با همسایگان است و این موضوع را پیگیری می‌کند.";

    private const string Urdu = "پاکستان کے وزیر اعظم نے آج اسلام آباد میں ایک اجلاس کی صدارت کی اور کہا کہ حکومت عوام کے مسائل حل کرے گی۔";

    [Fact]
    public async Task TheNpmLibreTranslateClientTranslatesAStringAndAListThroughGrid()
    {
        var one = Paragraph(1701);
        var two = new[] { Paragraph(1702), Paragraph(1703) };

        var single = await npm.TranslateAsync(fixture.Url, LibreTranslateFixture.Key, "ar", one);
        var list = await npm.TranslateAsync(fixture.Url, LibreTranslateFixture.Key, "auto", two);

        Assert.Equal(GridSettings.ExpectedEnglish(one), GridSettings.Collapse(single["translatedText"]!.GetValue<string>()));
        Assert.Equal(two.Select(GridSettings.ExpectedEnglish), list["translatedText"]!.AsArray().Select(text => GridSettings.Collapse(text!.GetValue<string>())));
    }

    [Fact]
    public async Task TheTypeScriptSdkListsTheLanguagesDetectsArabicAndPersianAndTranslatesThroughGrid()
    {
        var text = Paragraph(1705);

        var languages = await npm.SdkAsync(fixture.Url, LibreTranslateFixture.Key, "languages");
        var arabic = await npm.SdkAsync(fixture.Url, LibreTranslateFixture.Key, "detect", text);
        var persian = await npm.SdkAsync(fixture.Url, LibreTranslateFixture.Key, "detect", Persian);
        var english = await npm.SdkAsync(fixture.Url, LibreTranslateFixture.Key, "translate", text, "ar");

        var arabicTargets = languages.AsArray().Single(language => language!["code"]!.GetValue<string>() == "ar")!["targets"]!.AsArray();
        Assert.Contains("en", arabicTargets.Select(target => target!.GetValue<string>()));
        Assert.Equal(("ar", 200), (arabic["language"]!.GetValue<string>(), arabic["status"]!.GetValue<int>()));
        Assert.Equal("fa", persian["language"]!.GetValue<string>());
        Assert.Equal(200, english["status"]!.GetValue<int>());
        Assert.Equal(GridSettings.ExpectedEnglish(text), GridSettings.Collapse(english["translatedText"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TheTypeScriptSdkWithAWrongKeyIsToldTheKeyIsInvalid()
    {
        var answer = await npm.SdkAsync(fixture.Url, "not-a-key-of-this-grid", "detect", Persian);

        Assert.Equal("", answer["language"]!.GetValue<string>());
        Assert.Contains("Invalid API key", answer["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheNpmClientWithAWrongKeyGetsNoTranslation()
    {
        var answer = await npm.TranslateAsync(fixture.Url, "not-a-key-of-this-grid", "ar", Paragraph(1704));

        Assert.Null(answer["translatedText"]);
    }

    [Fact]
    public async Task TranslateAnswersAStringForAStringAndAListForAListWithTheDetectedLanguageForAuto()
    {
        var (one, two) = (Paragraph(1711), Paragraph(1712));

        var single = await PostAsync("/translate", new { q = one, source = "ar", target = "en", api_key = LibreTranslateFixture.Key });
        Assert.Equal(HttpStatusCode.OK, single.Status);
        Assert.Equal(GridSettings.ExpectedEnglish(one), GridSettings.Collapse(single.Body["translatedText"]!.GetValue<string>()));
        Assert.Null(single.Body["detectedLanguage"]);

        var list = await PostAsync("/translate", new { q = new[] { one, two }, source = "auto", target = "en", api_key = LibreTranslateFixture.Key });
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal([GridSettings.ExpectedEnglish(one), GridSettings.ExpectedEnglish(two)], list.Body["translatedText"]!.AsArray().Select(t => GridSettings.Collapse(t!.GetValue<string>())));
        Assert.All(list.Body["detectedLanguage"]!.AsArray(), detected =>
        {
            Assert.Equal("ar", detected!["language"]!.GetValue<string>());
            Assert.InRange(detected["confidence"]!.GetValue<double>(), 50, 100);
        });
    }

    [Fact]
    public async Task TranslateTakesFormDataWithTheKeyInTheHeaderAndKeepsLinesAndHtml()
    {
        var (one, two) = (Paragraph(1721), Paragraph(1722));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/translate")
        {
            Content = new FormUrlEncodedContent([new("q", $"{one}\n\n{two}"), new("source", "ar"), new("target", "en")]),
        };
        request.Headers.Add("X-Api-Key", LibreTranslateFixture.Key);
        using var form = await fixture.Http.SendAsync(request);
        var formBody = (await form.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var lines = formBody["translatedText"]!.GetValue<string>().Split('\n');
        Assert.Equal([GridSettings.ExpectedEnglish(one), "", GridSettings.ExpectedEnglish(two)], lines.Select(GridSettings.Collapse));

        var html = $"<p class=\"lead\">{one}</p>\n<script>var label = 'عاجل';</script><b>{two}</b>";
        var translated = await PostAsync("/translate", new { q = html, source = "ar", target = "en", format = "html", api_key = LibreTranslateFixture.Key });
        Assert.Equal(HttpStatusCode.OK, translated.Status);
        Assert.Equal(
            $"<p class=\"lead\">{GridSettings.ExpectedEnglish(one)}</p>\n<script>var label = 'عاجل';</script><b>{GridSettings.ExpectedEnglish(two)}</b>",
            translated.Body["translatedText"]!.GetValue<string>());
    }

    [Fact]
    public async Task LanguagesListsArabicIntoEnglishWithoutAKey()
    {
        var languages = (await fixture.Http.GetFromJsonAsync<JsonArray>("/languages"))!;

        var arabic = languages.Single(language => language!["code"]!.GetValue<string>() == "ar")!;
        Assert.Equal("Arabic", arabic["name"]!.GetValue<string>());
        Assert.Equal(["en"], arabic["targets"]!.AsArray().Select(target => target!.GetValue<string>()));
        Assert.Contains(languages, language => language!["code"]!.GetValue<string>() == "en");
    }

    [Fact]
    public async Task DetectTellsArabicFromPersianAndUrduAndEnglish()
    {
        var arabic = await PostAsync("/detect", new { q = Paragraph(1731), api_key = LibreTranslateFixture.Key });
        Assert.Equal(HttpStatusCode.OK, arabic.Status);
        var guess = arabic.Body.AsArray().Single()!;
        Assert.Equal("ar", guess["language"]!.GetValue<string>());
        Assert.InRange(guess["confidence"]!.GetValue<double>(), 50, 100);

        var many = await PostAsync("/detect", new { q = new[] { Persian, Urdu, "The ministry said on Monday." }, api_key = LibreTranslateFixture.Key });
        Assert.Equal(["fa", "ur", "en"], many.Body.AsArray().Select(guesses => guesses!.AsArray().Single()!["language"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ErrorsComeAsLibreTranslateGivesThem()
    {
        var key = LibreTranslateFixture.Key;
        await AssertErrorAsync(HttpStatusCode.BadRequest, "missing q", new { source = "ar", target = "en", api_key = key });
        await AssertErrorAsync(HttpStatusCode.BadRequest, "fr is not supported", new { q = "سلام", source = "fr", target = "en", api_key = key });
        await AssertErrorAsync(HttpStatusCode.BadRequest, "de is not supported", new { q = "سلام", source = "ar", target = "de", api_key = key });
        await AssertErrorAsync(HttpStatusCode.BadRequest, "xml format is not supported", new { q = "سلام", source = "ar", target = "en", format = "xml", api_key = key });
        await AssertErrorAsync(HttpStatusCode.BadRequest, "looks Persian", new { q = Persian, source = "auto", target = "en", api_key = key });
        await AssertErrorAsync(HttpStatusCode.Forbidden, "Invalid API key", new { q = "سلام", source = "ar", target = "en" });
        await AssertErrorAsync(HttpStatusCode.Forbidden, "Invalid API key", new { q = "سلام", source = "ar", target = "en", api_key = "wrong-key-0000000000" });
        var tooLong = string.Join("\n", Enumerable.Range(0, 40).Select(i => Paragraph(1740 + i)));
        var error = await AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "POST /api/articles", new { q = tooLong, source = "ar", target = "en", api_key = key });
        Assert.Contains($"{LibreTranslateFixture.MaxChars:N0} characters", error);
    }

    [Fact]
    public async Task ACallerOverTheRateLimitGets429()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= LibreTranslateFixture.RequestsPerMinute; i++)
            statuses.Add((await PostAsync("/detect", new { q = "سلام", api_key = LibreTranslateFixture.SpentKey })).Status);

        Assert.All(statuses[..^1], status => Assert.Equal(HttpStatusCode.OK, status));
        var over = await PostAsync("/detect", new { q = "سلام", api_key = LibreTranslateFixture.SpentKey });
        Assert.Equal(HttpStatusCode.TooManyRequests, over.Status);
        Assert.Contains("Too many requests", over.Body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task AParagraphTranslatedOnceIsFreeForArticlesAndTranslateAlike()
    {
        var grid = new GridHttpClient(KeyedHttp());
        var first = GeneratedArticle.FromSeed(1761, paragraphs: 1);
        var second = GeneratedArticle.FromSeed(1762, paragraphs: 1);
        Assert.Equal(2, GridSettings.ChunkKeys(first.Text).Count);   // the title and one chunk: no glossary call
        Assert.Equal(2, GridSettings.ChunkKeys(second.Text).Count);
        var calls = fixture.Emulator.Stats.TranslationRequests;

        var translated = await PostAsync("/translate", new { q = first.Paragraphs[0], source = "ar", target = "en", api_key = LibreTranslateFixture.Key });
        Assert.Equal(calls + 1, fixture.Emulator.Stats.TranslationRequests);
        var article = await grid.WaitAsync((await grid.SubmitAsync(new ArticleSubmission(first.Text))).Id!);
        Assert.Equal(translated.Body["translatedText"]!.GetValue<string>(), article.Paragraphs.Single().En);
        Assert.Equal(1, article.Usage.CachedChunks);
        Assert.Equal(calls + 2, fixture.Emulator.Stats.TranslationRequests);   // the title alone

        var other = await grid.WaitAsync((await grid.SubmitAsync(new ArticleSubmission(second.Text))).Id!);
        calls = fixture.Emulator.Stats.TranslationRequests;
        var again = await PostAsync("/translate", new { q = new[] { second.Paragraphs[0], second.Title }, source = "ar", target = "en", api_key = LibreTranslateFixture.Key });
        Assert.Equal([other.Paragraphs.Single().En, other.Title!.En], again.Body["translatedText"]!.AsArray().Select(text => text!.GetValue<string>()));
        Assert.Equal(calls, fixture.Emulator.Stats.TranslationRequests);
    }

    [Fact]
    public async Task APersianArticleIsRefusedWith422SayingWhy()
    {
        using var http = KeyedHttp();
        using var posted = await http.PostAsJsonAsync("/api/articles", new { text = $"{Persian}\n\n{Persian} {Persian}", title = "گزارش" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        var problem = (await posted.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.EndsWith("/other-language", problem["type"]!.GetValue<string>());
        Assert.Contains("looks Persian, not Arabic", problem["detail"]!.GetValue<string>());
        Assert.Contains("Persian letters", problem["detail"]!.GetValue<string>());
    }

    private HttpClient KeyedHttp()
    {
        var http = fixture.Silo.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", LibreTranslateFixture.Key);
        return http;
    }

    private static string Paragraph(int seed) => new ArabicArticleGenerator(seed).Paragraph(maxSentenceWords: 12).Text;

    private async Task<string> AssertErrorAsync(HttpStatusCode status, string says, object body)
    {
        var answer = await PostAsync("/translate", body);
        Assert.Equal(status, answer.Status);
        var error = answer.Body["error"]!.GetValue<string>();
        Assert.Contains(says, error);
        return error;
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(string path, object body)
    {
        using var response = await fixture.Http.PostAsJsonAsync(path, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonNode>())!);
    }
}
