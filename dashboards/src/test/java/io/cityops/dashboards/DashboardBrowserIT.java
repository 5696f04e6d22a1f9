package io.cityops.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The operator page in a real headless Chromium, fed live through the injected stores. */
class DashboardBrowserIT {
    static TestServer t;
    static ChromeDriver browser;
    static Path profile;

    @BeforeAll
    static void start() throws Exception {
        t = new TestServer(Optional.empty(), Clock.systemUTC());
        profile = Files.createTempDirectory("cityops-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1600,1000",
                "--user-data-dir=" + profile);
        // Console output is printed when the test fails, so a broken page explains itself.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                        .usingAnyFreePort()
                        .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.manage()
                    .logs()
                    .get("browser")
                    .forEach(e -> System.out.println("[chromium console] " + e.getMessage()));
            browser.quit();
        }
        if (t != null) {
            t.close();
        }
    }

    @Test
    void operatorSeesMapAndKpisAndAcknowledgesALiveAlert() throws Exception {
        browser.get(t.url("/#token=" + TestServer.OPERATOR));

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                browser.findElements(By.cssSelector("#map path.district")).size()
                                        == 8);
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                browser.findElements(By.cssSelector("#map circle.sensor")).size()
                                        == 333);
        assertThat(browser.findElements(By.cssSelector(".kpi"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector(".kpi[data-kpi=kpiForest] .value")).getText())
                .isEqualTo("Chưa có dữ liệu");
        await().until(
                        () ->
                                "on"
                                        .equals(
                                                browser.findElement(By.id("conn"))
                                                        .getAttribute("data-state")));

        // The model's Kpi JSON: a district snapshot must not feed the province-wide tile.
        ObjectMapper json = new ObjectMapper();
        t.kpis.accept(
                "forest.monitored/district/105",
                json.readTree(
                        "{\"kind\":\"FOREST_MONITORED\",\"scope\":\"DISTRICT\",\"value\":12.0,"
                                + "\"unit\":\"%\"}"));
        t.kpis.accept(
                "forest.monitored/province/12",
                json.readTree(
                        "{\"kind\":\"FOREST_MONITORED\",\"scope\":\"PROVINCE\",\"value\":72.5,"
                                + "\"unit\":\"%\"}"));
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                browser.findElement(
                                                By.cssSelector(".kpi[data-kpi=kpiForest] .value"))
                                        .getText()
                                        .equals("72.5 %"));

        t.alerts.accept(TestAlerts.riverFlood("a-live-1"));
        By row = By.cssSelector("tr[data-alert-id='a-live-1']");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(row).isEmpty());
        WebElement status = browser.findElement(row).findElement(By.cssSelector(".status"));
        assertThat(status.getAttribute("data-status")).isEqualTo("unacked");
        assertThat(browser.findElement(row).getText()).contains("Kiểm lâm Mường Tè");

        browser.findElement(row).findElement(By.cssSelector("button.cmd-acknowledge")).click();
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                "acked"
                                        .equals(
                                                browser.findElement(row)
                                                        .findElement(By.cssSelector(".status"))
                                                        .getAttribute("data-status")));
        assertThat(t.lifecycle.received())
                .anySatisfy(c -> assertThat(c.alertId()).isEqualTo("a-live-1"));
        assertThat(t.alerts.latest("a-live-1").orElseThrow().acknowledged()).isTrue();

        browser.findElement(By.id("lang")).click();
        await().until(
                        () ->
                                browser.findElement(By.cssSelector("h1"))
                                        .getText()
                                        .equals("Smart City Operations Center"));

        Path shot = Path.of("target", "dashboard-screenshot.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(shot).isNotEmptyFile();
    }
}
