package org.steppe.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The journalist's views in headless Chromium: who said what about X (from a facet, an article's
 * entity and autocomplete), speaker pages, "reported by" on quote cards, and the follow link.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JournalistPageTest {
  static final String NAZARBAYEV = "Nursultan Nazarbayev";

  @TempDir static Path work;
  static TestServer server;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(PageTest.CHROMIUM.canExecute() && PageTest.CHROMEDRIVER.canExecute(),
        "browser test skipped: needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
    String quote = "We will never accept a treaty that limits the sovereignty of Kazakhstan over its own borders";
    server = TestServer.start(TestServer.corpus(work, true, Map.of(
        "wire/a.txt", "Senate debates the treaty\n\nAstana, 3 March 2015. Askar Musinov said: \u201c" + quote
            + ".\u201d The debate went on into the night.\n",
        "paper/b.txt", "Musinov draws a line\n\nIn the Senate, Askar Musinov said: \"" + quote.replace(" own", "")
            + "...\" Senators applauded.\n")), work);
    driver = PageTest.chromium(work);
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
  void anEntityFacetOpensWhoSaidWhatAboutItWithSpeakersOnOneTimeAxis() {
    open("/?q=Nazarbayev");
    WebElement entities = driver.findElements(By.cssSelector("#facets fieldset")).stream()
        .filter(f -> f.findElement(By.tagName("legend")).getText().equalsIgnoreCase("entity")).findFirst().orElseThrow();
    WebElement value = entities.findElements(By.cssSelector("li")).stream()
        .filter(li -> li.getText().startsWith(NAZARBAYEV)).findFirst().orElseThrow();
    value.findElement(By.cssSelector("a.about-link")).click();
    waitReady();
    assertTrue(driver.getCurrentUrl().contains("view=about"), driver.getCurrentUrl());
    assertEquals("Who said what about " + NAZARBAYEV, driver.findElement(By.id("article-title")).getText());
    JsonNode api = server.json("/api/quotes?size=100&about=" + ApiTest.enc(NAZARBAYEV));
    assertTrue(driver.findElement(By.id("about-status")).getText().startsWith(api.get("total").asText() + " quote"),
        driver.findElement(By.id("about-status")).getText());
    List<WebElement> rows = driver.findElements(By.cssSelector(".about-row"));
    assertFalse(rows.isEmpty());
    long dated = 0;
    for (JsonNode q : api.get("quotes")) {
      dated += q.get("article").get("date").isNull() ? 0 : 1;
    }
    assertEquals(dated, driver.findElements(By.cssSelector(".about-dot")).size(), "one dot per dated quote");
    for (WebElement dot : driver.findElements(By.cssSelector(".about-dot"))) {
      assertTrue(dot.getAttribute("href").contains("view=article"), "each quote links to its article");
    }
    screenshot("about-desktop");
    rows.get(0).findElement(By.cssSelector(".about-quotes summary")).click();
    assertTrue(rows.get(0).findElement(By.cssSelector(".about-quotes q")).getText().contains("Nazarba"),
        "the quote's own words name him");
  }

  @Test
  @Order(2)
  void anArticlesEntityAndAutocompleteLeadToTheAboutViewToo() {
    open("/?view=article&id=001_70616fac980b1ee6.txt");
    WebElement entity = driver.findElements(By.cssSelector(".entity-list li")).stream()
        .filter(li -> li.getText().startsWith(NAZARBAYEV)).findFirst().orElseThrow();
    entity.findElement(By.cssSelector("a.about-link")).click();
    waitReady();
    assertEquals("Who said what about " + NAZARBAYEV, driver.findElement(By.id("article-title")).getText());

    open("/");
    WebElement box = driver.findElement(By.id("q"));
    box.sendKeys("Nazarba");
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#suggestions .about-link")).isEmpty()
        && d.findElement(By.id("suggestions")).isDisplayed());
    WebElement about = driver.findElements(By.cssSelector("#suggestions li")).stream()
        .filter(li -> li.getText().startsWith(NAZARBAYEV)).findFirst().orElseThrow().findElement(By.cssSelector(".about-link"));
    new Actions(driver).moveToElement(about).clickAndHold().release().perform();
    waitReady();
    assertTrue(driver.getCurrentUrl().contains("view=about") && driver.getCurrentUrl().contains("Nazarbayev"), driver.getCurrentUrl());
  }

  @Test
  @Order(3)
  void aSpeakersNameOpensTheirPage() {
    open("/?view=quotes&q=sovereignty");
    WebElement card = driver.findElements(By.cssSelector("#hits li.quote-card")).stream()
        .filter(c -> c.getText().contains("Askar Musinov")).findFirst().orElseThrow();
    card.findElement(By.cssSelector("a.speaker")).click();
    waitReady();
    assertTrue(driver.getCurrentUrl().contains("view=speaker"), driver.getCurrentUrl());
    assertEquals("Askar Musinov", driver.findElement(By.id("article-title")).getText());
    JsonNode page = server.json("/api/speakers/Askar%20Musinov");
    assertTrue(driver.findElement(By.id("speaker-summary")).getText().startsWith(page.get("quotes").asText() + " quotes"),
        driver.findElement(By.id("speaker-summary")).getText());
    String text = driver.findElement(By.cssSelector(".speaker-grid")).getText();
    assertTrue(text.contains(page.get("roles").get(0).get("role").asText()), text);
    screenshot("speaker-desktop");
    driver.navigate().back();
    waitReady();
    assertTrue(driver.getCurrentUrl().contains("view=quotes"), "Back returns to the quotes");
  }

  @Test
  @Order(4)
  void aQuotationInTwoArticlesIsOneCardReportedByTwoSources() {
    open("/?view=quotes&q=" + ApiTest.enc("\"never accept a treaty\""));
    List<WebElement> cards = driver.findElements(By.cssSelector("#hits li.quote-card"));
    assertEquals(1, cards.size(), "one card for the quotation");
    WebElement reported = cards.get(0).findElement(By.cssSelector(".reported-by"));
    assertEquals("reported by 2 sources", reported.findElement(By.tagName("summary")).getText());
    reported.findElement(By.tagName("summary")).click();
    assertTrue(reported.findElement(By.tagName("a")).getAttribute("href").contains("view=article"));
  }

  @Test
  @Order(5)
  void followThisSearchIsTheSearchsAtomFeed() {
    open("/?q=treaty&source=Tengrinews");
    String href = driver.findElement(By.id("follow")).getAttribute("href");
    assertEquals(server.base + "/api/search.atom?q=treaty&source=Tengrinews", href);
    open("/?view=quotes&q=treaty");
    href = driver.findElement(By.id("follow")).getAttribute("href");
    assertEquals(server.base + "/api/quotes.atom?q=treaty", href);
    var r = server.get(href.substring(server.base.length()));
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("<feed") && r.body().contains("http://www.w3.org/2005/Atom"));
  }

  @Test
  @Order(6)
  void nothingBrokeTheContentSecurityPolicyOrThrew() {
    List<String> problems = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
        .map(org.openqa.selenium.logging.LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("TypeError")).toList();
    assertEquals(List.of(), problems);
  }

  private static void open(String path) {
    driver.get(server.base + path);
    waitReady();
  }

  private static void waitReady() {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  private static void screenshot(String name) {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(shot.toPath(), PageTest.SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
