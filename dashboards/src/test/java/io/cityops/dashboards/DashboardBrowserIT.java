package io.cityops.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cityops.dashboards.history.HistoryService;
import io.cityops.dashboards.history.InfluxdProcess;
import io.cityops.jobs.history.InfluxSink;
import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The operator page in a real headless Chromium, fed live through the injected stores and the
 * production Kafka record decoder, with history from a real influxd written through the history
 * job's sink.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
    static final long HOUR = 3_600_000L;
    static final long FIVE_MINUTES = 300_000L;
    static TestServer t;
    static ChromeDriver browser;
    static Path profile;
    static InfluxdProcess influxd;
    static InfluxDB influx;
    static long now;

    @BeforeAll
    static void start() throws Exception {
        influxd =
                InfluxdProcess.start(
                        Files.createTempDirectory("cityops-influxd-"), 0, Duration.ofSeconds(30));
        influx = InfluxDBFactory.connect(influxd.url());
        now = System.currentTimeMillis();
        HistoryWriter.write(
                InfluxSink.aggregates(HistoryWriter.config(influxd.url())), aqiOfLastTwelveHours());
        HistoryWriter.write(
                InfluxSink.readings(HistoryWriter.config(influxd.url()), id -> "105"),
                pm25OfLastTwoHours());
        t =
                new TestServer(
                        Optional.of(new HistoryService(influx, "cityops", 1000)),
                        Clock.systemUTC());
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
    static void stop() throws Exception {
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
        if (influx != null) {
            influx.close();
        }
        if (influxd != null) {
            influxd.close();
        }
    }

    /** Hourly AQI of Lai Châu city for the twelve whole hours before now: 40, 50, ... 150. */
    static List<Aggregate> aqiOfLastTwelveHours() {
        long hour = now - Math.floorMod(now, HOUR);
        List<Aggregate> out = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            out.add(TestAggregates.districtAqi("105", hour - i * HOUR, 160.0 - 10 * i));
        }
        return out;
    }

    /** PM2.5 of station aq-105-1 every five minutes for two hours: 20.0, 20.5, ... 31.5. */
    static List<Reading> pm25OfLastTwoHours() {
        long slot = now - Math.floorMod(now, FIVE_MINUTES);
        List<Reading> out = new ArrayList<>();
        for (int i = 24; i >= 1; i--) {
            out.add(
                    new Reading(
                            "aq-105-1",
                            Domain.ENVIRONMENT,
                            slot - i * FIVE_MINUTES,
                            25 - i,
                            Map.of("pm25", 20.0 + 0.5 * (24 - i))));
        }
        return out;
    }

    @Test
    @Order(1)
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

    @Test
    @Order(2)
    void livePanelsShowTheFeedAndAClickShowsHistoryFromInfluxd() throws Exception {
        browser.get(t.url("/#token=" + TestServer.OPERATOR));
        viewport(1920, 1080);
        browser.executeScript("localStorage.setItem('cityops.lang', 'vi')");
        browser.navigate().refresh();
        awaitMapWithAllSensors();

        long lastHour = now - Math.floorMod(now, HOUR) - HOUR;
        Map<String, Double> aqi =
                Map.of(
                        "105", 87.0, "106", 35.0, "107", 312.0, "108", 128.0, "109", 176.0, "110",
                        48.0, "111", 230.0, "112", 64.0);
        for (var e : aqi.entrySet()) {
            publish(TestAggregates.districtAqi(e.getKey(), lastHour, e.getValue()));
        }
        long lastMinute = now - Math.floorMod(now, 60_000L) - 60_000L;
        publish(TestAggregates.segment("seg-105-1", lastMinute, 0.42, 0.42, "congested"));
        publish(TestAggregates.segment("seg-105-2", lastMinute, 0.92, 0.92, "free"));
        publish(TestAggregates.segment("seg-106-1", lastMinute, 0.18, 0.18, "jammed"));
        publish(TestAggregates.segment("seg-107-1", lastMinute, 0.6, 0.6, null));
        t.feed.route(
                Topics.ALERTS,
                "o-1",
                JsonCodec.ALERT.encode(TestAlerts.transformerOutage("o-1", "9")));

        // The panels re-render on every update, so each check reads the page afresh.
        eventually(() -> text(".aqi-tile[data-district='105'] .aqi-value").equals("87"));
        eventually(
                () -> attr(".aqi-tile[data-district='105']", "data-category").equals("MODERATE"));
        eventually(() -> text(".aqi-tile[data-district='105']").contains("Trung bình · PM2.5"));
        eventually(() -> text(".aqi-tile[data-district='107'] .aqi-value").equals("312"));
        eventually(
                () -> attr(".aqi-tile[data-district='107']", "data-category").equals("HAZARDOUS"));
        eventually(
                () ->
                        browser.findElement(By.cssSelector("#map path[data-district='105']"))
                                .getCssValue("fill")
                                .equals("rgb(255, 255, 0)"));

        eventually(
                () ->
                        attr("#traffic tr[data-segment='seg-105-1']", "data-level")
                                .equals("CONGESTED"));
        eventually(() -> text("#traffic tr[data-segment='seg-105-1'] .tti").equals("0.42"));
        eventually(() -> text("#traffic tr[data-segment='seg-105-1'] .level").equals("Ùn tắc"));
        eventually(
                () -> attr("#traffic tr[data-segment='seg-106-1']", "data-level").equals("JAMMED"));
        eventually(
                () -> attr("#traffic tr[data-segment='seg-107-1']", "data-level").equals("SLOW"));

        eventually(
                () -> {
                    String row = text("#outages tr[data-alert-id='o-1']");
                    return row.contains("TBA Lai Chau city 1")
                            && row.contains("Lai Châu")
                            && row.contains("9 / 10");
                });
        eventually(() -> text("#outage-count").equals("1"));

        // A district on the map: its hourly AQI of the last day, from influxd.
        click(By.cssSelector("#map path[data-district='105']"));
        awaitChart("105", 12);
        assertThat(chartValues())
                .containsExactly(
                        40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0, 110.0, 120.0, 130.0, 140.0,
                        150.0);
        eventually(() -> text("#history-title").equals("AQI theo giờ — Lai Châu"));
        screenshot("dashboard-wall-1920x1080.png");

        // A sensor dot: its readings' five-minute means of the last hours.
        click(By.cssSelector("#map circle.sensor[data-sensor='aq-105-1']"));
        awaitChart("aq-105-1", 24);
        List<Double> pm25 = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            pm25.add(20.0 + 0.5 * i);
        }
        assertThat(chartValues()).containsExactlyElementsOf(pm25);

        // The same data in English on a laptop.
        browser.findElement(By.id("lang")).click();
        viewport(1366, 768);
        click(By.cssSelector(".aqi-tile[data-district='105']"));
        awaitChart("105", 12);
        eventually(() -> text("#history-title").equals("Hourly AQI — Lai Chau"));
        eventually(() -> text("#traffic tr[data-segment='seg-105-1'] .level").equals("Congested"));
        screenshot("dashboard-laptop-1366x768.png");
    }

    /** Sizes the window so the page itself (not the window with its frame) has this size. */
    private static void viewport(int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        Number innerW = (Number) browser.executeScript("return window.innerWidth");
        Number innerH = (Number) browser.executeScript("return window.innerHeight");
        browser.manage()
                .window()
                .setSize(
                        new Dimension(
                                2 * width - innerW.intValue(), 2 * height - innerH.intValue()));
        eventually(
                () ->
                        ((Number) browser.executeScript("return window.innerHeight")).intValue()
                                == height);
    }

    private static void publish(Aggregate a) throws Exception {
        t.feed.route(Topics.AGGREGATES, a.key(), TestAggregates.bytes(a));
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static String attr(String css, String name) {
        return browser.findElement(By.cssSelector(css)).getAttribute(name);
    }

    /** Waits until the page shows it; a re-render between lookup and read is retried. */
    private static void eventually(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(condition);
    }

    /** Dispatches a click on an SVG shape (a WebDriver click lands on whatever dot is on top). */
    private static void click(By by) {
        browser.executeScript(
                "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))",
                browser.findElement(by));
    }

    private static void awaitMapWithAllSensors() {
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                "true"
                                        .equals(
                                                browser.findElement(By.id("map"))
                                                        .getAttribute("data-ready")));
        assertThat(browser.findElements(By.cssSelector("#map circle.sensor"))).hasSize(333);
    }

    private static void awaitChart(String subject, int points) {
        await().atMost(Duration.ofSeconds(15))
                .ignoreExceptions()
                .until(
                        () -> {
                            WebElement h = browser.findElement(By.id("history"));
                            return subject.equals(h.getAttribute("data-subject"))
                                    && "ready".equals(h.getAttribute("data-state"))
                                    && browser.findElements(By.cssSelector("#chart circle.pt"))
                                                    .size()
                                            == points;
                        });
    }

    private static List<Double> chartValues() {
        return browser.findElements(By.cssSelector("#chart circle.pt")).stream()
                .map(c -> Double.parseDouble(c.getAttribute("data-value")))
                .toList();
    }

    private static void screenshot(String name) throws Exception {
        awaitMapWithAllSensors();
        Path shot = Path.of("target", name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(shot).isNotEmptyFile();
    }
}
