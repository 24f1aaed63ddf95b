package org.steppe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The search page in headless Chromium: searching, facets, dates, quotes, articles, hostile text, phone layout. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageTest {
  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** A wire story sent twice, the second time with one word changed: one hit with "1 similar". */
  static final java.util.Map<String, String> REPEATS = java.util.Map.of(
      "wire/harvest-1.txt", "Grain harvest beats forecasts\n\nFarmers in the north brought in a record grain harvest this year, "
          + "the agriculture ministry said on Tuesday, beating forecasts by a tenth after a wet spring and a dry, warm summer.",
      "wire/harvest-2.txt", "Grain harvest beats forecasts\n\nFarmers in the north brought in a record grain harvest this year, "
          + "the agriculture ministry said on Wednesday, beating forecasts by a tenth after a wet spring and a dry, warm summer.");

  @TempDir static Path work;
  static TestServer server;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws IOException {
    assumeBrowser();
    server = TestServer.start(corpus(), work);
    driver = chromium(work);
  }

  static void assumeBrowser() {
    assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
        "browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
  }

  /** The corpus the page is tested on: the seeds, hostile files and a repeated wire story. */
  static Path corpus() throws IOException {
    java.util.Map<String, String> files = new java.util.HashMap<>(HostileCorpus.FILES);
    files.putAll(REPEATS);
    return TestServer.corpus(work, true, files);
  }

  /** Headless Chromium at desktop size with its console captured, its profile under {@code work}. */
  static ChromeDriver chromium(Path work) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,1000", "--user-data-dir=" + Files.createDirectories(work.resolve("chrome-profile")));
    options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
    // An explicit driver: Selenium Manager must not try to download one.
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
    Files.createDirectories(SCREENSHOTS);
    return new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void searchingAndTickingAFacetChangesCountsAndResults() throws IOException {
    open("/");
    assertEquals(10, total(), status());
    search("Kazakhstan");
    assertTrue(status().contains("for “Kazakhstan”"), status());
    assertTrue(driver.getCurrentUrl().contains("q=Kazakhstan"));
    long before = total();
    int hitsBefore = hits().size();
    assertTrue(hits().get(0).findElement(By.cssSelector(".snippet mark")).isDisplayed(), "the match is highlighted");
    screenshot("search-desktop");

    WebElement source = driver.findElements(By.cssSelector("#facets fieldset")).get(0);
    assertEquals("source", source.findElement(By.tagName("legend")).getText().toLowerCase(java.util.Locale.ROOT));
    WebElement eadaily = source.findElements(By.cssSelector("li")).stream()
        .filter(li -> li.getText().startsWith("EADaily")).findFirst().orElseThrow();
    eadaily.findElement(By.tagName("label")).click();
    waitReady();
    assertEquals(1, total(), status());
    assertNotEquals(before, total());
    assertNotEquals(hitsBefore, hits().size());
    assertTrue(driver.findElement(By.id("chips")).getText().contains("Source: EADaily"));
    assertTrue(driver.getCurrentUrl().contains("source=EADaily"));
    assertTrue(driver.findElement(By.cssSelector("#facets input[value='EADaily']")).isSelected());
    screenshot("search-filtered-desktop");

    driver.navigate().back();
    waitReady();
    assertEquals(before, total(), "Back restores the unfiltered search");
    assertEquals("", driver.findElement(By.id("chips")).getText());
  }

  @Test
  @Order(2)
  void clickingADateBarFiltersThatPeriod() {
    open("/");
    List<WebElement> bars = driver.findElements(By.cssSelector("#date-chart .bar"));
    assertTrue(bars.size() >= 2, "one bar per month from the first dated article to the last");
    WebElement first = bars.stream().filter(b -> !b.getAttribute("aria-label").contains(": 0 ")).findFirst().orElseThrow();
    String month = first.getAttribute("aria-label").substring(0, 7);
    first.click();
    waitReady();
    assertTrue(driver.getCurrentUrl().contains("from=" + month) && driver.getCurrentUrl().contains("to=" + month), driver.getCurrentUrl());
    assertEquals(1, total(), status());
    assertTrue(driver.findElement(By.id("chips")).getText().contains("Date: " + month));

    // Dragging from the first bar to the last picks the whole period; Enter on a focused bar picks its month.
    open("/");
    bars = driver.findElements(By.cssSelector("#date-chart .bar"));
    new org.openqa.selenium.interactions.Actions(driver).clickAndHold(bars.get(0)).moveToElement(bars.get(bars.size() / 2))
        .moveToElement(bars.get(bars.size() - 1)).release().perform();
    waitReady();
    assertEquals(2, total(), status());
    assertTrue(driver.getCurrentUrl().contains("from=2015-12") && driver.getCurrentUrl().contains("to=2017-03"), driver.getCurrentUrl());
    open("/");
    bars = driver.findElements(By.cssSelector("#date-chart .bar"));
    bars.get(bars.size() - 1).sendKeys(Keys.ENTER);
    waitReady();
    assertTrue(driver.getCurrentUrl().contains("from=2017-03") && driver.getCurrentUrl().contains("to=2017-03"), driver.getCurrentUrl());
    assertEquals("true", driver.findElements(By.cssSelector("#date-chart .bar")).get(0).getAttribute("aria-pressed"));
  }

  @Test
  @Order(3)
  void theQuotesViewShowsQuoteCardsOrSaysThereAreNone() {
    open("/?q=Kazakhstan");
    driver.findElement(By.id("tab-quotes")).click();
    waitReady();
    assertTrue(driver.getCurrentUrl().contains("view=quotes"));
    assertTrue(status().contains("quote"), status());
    List<WebElement> cards = driver.findElements(By.cssSelector(".quote-card"));
    if (total() > 0) {
      WebElement card = cards.get(0);
      assertTrue(card.findElement(By.cssSelector("blockquote")).getText().length() > 0);
      assertTrue(card.findElement(By.cssSelector("figcaption .speaker")).isDisplayed());
      assertTrue(card.findElement(By.cssSelector("a.read")).getAttribute("href").contains("view=article"));
    } else {
      assertTrue(driver.findElement(By.cssSelector("#hits .none")).isDisplayed());
    }
    screenshot("quotes-desktop");
  }

  @Test
  @Order(4)
  void anArticleOpensWithItsEntitiesMarked() {
    open("/?q=Kazakhstan");
    String title = hits().get(0).findElement(By.cssSelector("h2 a")).getText();
    hits().get(0).findElement(By.cssSelector("h2 a")).click();
    waitReady();
    assertTrue(driver.getCurrentUrl().contains("view=article"));
    assertEquals(title, driver.findElement(By.id("article-title")).getText());
    assertFalse(driver.findElements(By.cssSelector("#article .body mark.entity")).isEmpty(), "entities are marked in the text");
    assertFalse(driver.findElements(By.cssSelector("#article .entity-list a")).isEmpty());
    assertFalse(driver.findElement(By.id("sidebar")).isDisplayed(), "reading hides the filters");
    screenshot("article-desktop");
    driver.navigate().back();
    waitReady();
    assertTrue(driver.findElement(By.id("hits")).isDisplayed());
  }

  @Test
  @Order(5)
  void aHostileDocumentIsShownAsTextAndRunsNothing() {
    open("/?q=payload");
    assertEquals(1, total(), status());
    WebElement hit = hits().get(0);
    assertEquals(HostileCorpus.HOSTILE_TITLE, hit.findElement(By.cssSelector("h2 a")).getText());
    assertTrue(hit.findElement(By.cssSelector(".snippet")).getText().contains("<img src=x onerror="), hit.getText());
    assertEquals("payload", hit.findElement(By.cssSelector(".snippet mark")).getText());
    assertTrue(driver.findElements(By.cssSelector("#hits img, #hits script, #hits b")).isEmpty(), "no markup from the document");
    assertNull(xss());
    hit.findElement(By.cssSelector("h2 a")).click();
    waitReady();
    WebElement body = driver.findElement(By.cssSelector("#article .body"));
    assertTrue(body.getText().contains("<script>window.__xss=2</script>"), body.getText());
    assertTrue(driver.findElements(By.cssSelector("#article img, #article script, #article b")).isEmpty());
    assertEquals(HostileCorpus.HOSTILE_TITLE, driver.findElement(By.id("article-title")).getText());
    assertNull(xss());
    screenshot("hostile-article");
  }

  @Test
  @Order(6)
  void aMalformedQueryIsSearchedAndASmallLineSaysWhatChanged() {
    open("/");
    search("(Kazakhstan AND");
    assertFalse(driver.findElement(By.id("alert")).isDisplayed(), "not an error");
    WebElement notice = driver.findElement(By.id("notice"));
    assertTrue(notice.isDisplayed());
    assertTrue(notice.getText().contains("'AND' at position 13") && notice.getText().contains("not closed"), notice.getText());
    assertTrue(total() > 0, status());
    search("Kazakhstan");
    assertFalse(driver.findElement(By.id("notice")).isDisplayed(), "read as written: no line");
  }

  @Test
  @Order(11)
  void resultsFollowTheBoxAsYouTypeAndBackReturnsToTheSearchBefore() {
    open("/?q=treaty");
    long treaty = total();
    WebElement box = driver.findElement(By.id("q"));
    box.clear();
    box.sendKeys("Kazakh");
    waitForStatus("for “Kazakh”");
    box.sendKeys("stan");
    waitForStatus("for “Kazakhstan”");
    assertTrue(driver.getCurrentUrl().contains("q=Kazakhstan"), driver.getCurrentUrl());
    assertTrue(hits().get(0).findElement(By.cssSelector(".snippet mark")).isDisplayed());
    assertEquals("Kazakhstan", box.getAttribute("value"), "the box keeps what was typed");
    driver.navigate().back();
    waitForStatus("for “treaty”");
    assertEquals(treaty, total(), "one history entry for the whole typed search");
  }

  @Test
  @Order(12)
  void enterClosesTheSuggestions() {
    open("/");
    WebElement box = driver.findElement(By.id("q"));
    box.sendKeys("Naz");
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("suggestions")).isDisplayed());
    box.sendKeys(Keys.ENTER);
    waitForStatus("for “Naz”");
    assertFalse(driver.findElement(By.id("suggestions")).isDisplayed());
    // A suggestion request still on its way must not reopen the list.
    new WebDriverWait(driver, Duration.ofMillis(600)).pollingEvery(Duration.ofMillis(100))
        .withMessage("the list stays closed").until(d -> !d.findElement(By.id("suggestions")).isDisplayed());
  }

  @Test
  @Order(13)
  void thePageOpensOnTheNewestArticlesAndFoldsRepeatedStories() {
    open("/");
    List<String> dates = driver.findElements(By.cssSelector("#hits li.hit time")).stream().map(WebElement::getText).toList();
    List<String> dated = dates.stream().filter(d -> !d.equals("undated")).toList();
    assertEquals(dated.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dated, "newest first: " + dates);
    assertEquals("2017-03-03", dates.get(0));
    search("grain harvest");
    assertEquals(2, total(), "both stories match");
    assertEquals(1, hits().size(), "the repeat is folded");
    WebElement similar = hits().get(0).findElement(By.cssSelector(".similar-stories summary"));
    assertEquals("1 similar", similar.getText());
    similar.click();
    assertEquals(1, hits().get(0).findElements(By.cssSelector(".similar-stories li a")).size());
    screenshot("similar-desktop");
  }

  @Test
  @Order(7)
  void anArticleWithSlashesInItsIdOpensFromALink() {
    open("/?view=article&id=" + java.net.URLEncoder.encode(HostileCorpus.SPACED_ID, java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("Notes from the steppe archive", driver.findElement(By.id("article-title")).getText());
    open("/?view=article&id=nope.txt");
    assertTrue(driver.findElement(By.cssSelector("#article .alert")).getText().contains("nope.txt"));
  }

  @Test
  @Order(8)
  void onAPhoneTheFiltersFoldAwayBehindAButton() {
    driver.manage().window().setSize(new Dimension(390, 844));
    try {
      open("/?q=Kazakhstan");
      WebElement toggle = driver.findElement(By.id("filters-toggle"));
      assertTrue(toggle.isDisplayed());
      assertFalse(driver.findElement(By.id("sidebar")).isDisplayed());
      screenshot("search-phone");
      toggle.click();
      assertTrue(driver.findElement(By.id("sidebar")).isDisplayed());
      assertEquals("true", toggle.getAttribute("aria-expanded"));
      screenshot("filters-phone");
      hits().get(0).findElement(By.cssSelector("h2 a")).click();
      waitReady();
      screenshot("article-phone");
    } finally {
      driver.manage().window().setSize(new Dimension(1280, 1000));
    }
  }

  @Test
  @Order(9)
  void quoteCardsAndQuoteMarksPutHostileTextInTextNodes() {
    // The seed corpus has no quotes yet, so the page's own modules draw a hostile quote card and a
    // body with a quote and an entity at known offsets.
    open("/");
    Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        Promise.all([import('/js/views.js'), import('/js/article.js')]).then(([views, article]) => {
          const link = (state, text, attrs) => { const a = document.createElement('a'); a.href = '?view=article'; a.className = attrs?.class ?? ''; a.textContent = text; return a; };
          const host = document.createElement('div');
          host.id = 'fixture';
          document.body.append(host);
          host.append(views.quoteCard({ id: 'x#q1', text: 'ignored', kind: 'direct', speaker: '<b>Mallory</b>', role: '<i>spy</i>',
            snippet: '&lt;img src=x onerror=window.__xss=3&gt; said <mark>loudly</mark> &amp; &quot;twice&quot;',
            article: { id: '2015/hostile.txt', title: '<script>window.__xss=4</script>', source: null, date: null } }, {}, link));
          const body = 'He said "<img src=x onerror=window.__xss=5>" to Nazarbayev today.';
          const at = body.indexOf('Nazarbayev');
          const text = document.createElement('div');
          text.id = 'fixture-body';
          text.append(...article.bodyNodes({ body,
            entities: [{ name: 'Nursultan Nazarbayev', type: 'person', mentions: [{ start: at, end: at + 10, text: 'Nazarbayev' }] }],
            quotes: [{ text: 'x', kind: 'direct', speaker: 'X', role: null, start: body.indexOf('"') + 1, end: body.lastIndexOf('"'), context: '' }] }));
          host.append(text);
          done('ok');
        }).catch((e) => done(String(e)));
        """);
    assertEquals("ok", result);
    WebElement card = driver.findElement(By.cssSelector("#fixture .quote-card"));
    assertEquals("<img src=x onerror=window.__xss=3> said loudly & \"twice\"", card.findElement(By.tagName("blockquote")).getText()
        .replace("“", "").replace("”", ""));
    assertEquals("loudly", card.findElement(By.cssSelector("blockquote mark")).getText());
    assertEquals("<b>Mallory</b>", card.findElement(By.cssSelector(".speaker")).getText());
    assertTrue(card.getText().contains("unknown source · undated"), card.getText());
    assertEquals("Read “<script>window.__xss=4</script>”", card.findElement(By.cssSelector("a.read")).getText());
    WebElement body = driver.findElement(By.id("fixture-body"));
    assertEquals("He said \"<img src=x onerror=window.__xss=5>\" to Nazarbayev today.", body.getText());
    assertEquals("<img src=x onerror=window.__xss=5>", body.findElement(By.cssSelector(".quote")).getText());
    assertEquals("Nazarbayev", body.findElement(By.cssSelector("mark.entity.person")).getText());
    assertTrue(driver.findElements(By.cssSelector("#fixture img, #fixture script, #fixture b, #fixture i")).isEmpty());
    assertNull(xss());
  }

  @Test
  @Order(20)
  void nothingBrokeTheContentSecurityPolicyOrThrew() {
    List<String> log = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
    assertTrue(log.stream().anyMatch(m -> m.contains("404")), "the console is captured (the unknown article's 404 is in it): " + log);
    List<String> problems = log.stream().filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("TypeError"))
        .toList();
    assertEquals(List.of(), problems);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static void open(String path) {
    driver.get(server.base + path);
    waitReady();
  }

  private static void search(String q) {
    WebElement box = driver.findElement(By.id("q"));
    box.clear();
    box.sendKeys(q);
    box.sendKeys(Keys.ENTER);
    waitReady();
  }

  /** Waits until the status line (after typing, not Enter) shows {@code text} and the page is drawn. */
  private static void waitForStatus(String text) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> status().contains(text)
        && "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  /** Waits until the page has finished drawing what the last action asked for. */
  private static void waitReady() {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  private static String status() {
    return driver.findElement(By.id("status")).getText();
  }

  private static long total() {
    Matcher m = Pattern.compile("^([\\d,]+) ").matcher(status());
    assertTrue(m.find(), "status starts with a count: " + status());
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  private static List<WebElement> hits() {
    return driver.findElements(By.cssSelector("#hits > li.hit, #hits > li.quote-card"));
  }

  private static Object xss() {
    return ((JavascriptExecutor) driver).executeScript("return window.__xss === undefined ? null : window.__xss;");
  }

  private static void screenshot(String name) {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
