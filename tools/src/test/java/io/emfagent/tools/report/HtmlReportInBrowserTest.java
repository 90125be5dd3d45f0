package io.emfagent.tools.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the HTML report in headless Chromium, offline, and checks what can be checked of the charts:
 * every chart has its series, lines that lie on top of each other are drawn differently, latency is
 * on a scale where p50 is off the floor, each axis has one tick format, nothing overflows its card
 * and the cards leave no holes. Two reports: six hours of a generated log at 5 minutes, and a
 * recorded run of {@code ./run-demo.sh --quick} at 1 second (a warm-up second, an incident, and
 * two families whose lines coincide). The screenshots stay in {@code target/report-screenshot.png}
 * and {@code target/report-demo-screenshot.png} to look at.
 *
 * <p>Without Chromium the tests are skipped with one line on the console, unless the environment
 * variable {@code CI} is {@code true}: there they fail, saying how to install it.
 */
class HtmlReportInBrowserTest {

    private static final Path DIR = Paths.get("target", "report-browser-test");
    private static final Path HTML = DIR.resolve("report.html");
    private static final Path DEMO_HTML = DIR.resolve("demo-report.html");
    private static final String INSTALL = "apt-get install -y chromium";
    private static final int PLOT_BOTTOM = 230 - 34;
    private static String chromium;

    /** Measures the laid-out page and writes what is wrong into the page, for --dump-dom to return. */
    private static final String LAYOUT_CHECK = """
            <script>
            (function () {
              var problems = [];
              var doc = document.documentElement;
              if (doc.scrollWidth > window.innerWidth + 1) problems.push('page is ' + doc.scrollWidth + ' px wide');
              document.querySelectorAll('.card').forEach(function (card, n) {
                var name = (card.querySelector('h3') || card).textContent.trim();
                if (card.scrollWidth > card.clientWidth + 1) problems.push('card overflows: ' + name);
                var box = card.getBoundingClientRect();
                card.querySelectorAll('.legend > span, table').forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  if (r.right > box.right + 1 || r.left < box.left - 1) problems.push('outside its card: ' + name);
                });
                var svg = card.querySelector('svg.chart');
                if (svg) {
                  var view = svg.viewBox.baseVal;
                  svg.querySelectorAll('text').forEach(function (t) {
                    var b = t.getBBox();
                    if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > view.width + 0.5 || b.y + b.height > view.height + 0.5)
                      problems.push('label "' + t.textContent + '" outside the chart: ' + name);
                  });
                  var drawn = new Set();
                  svg.querySelectorAll('[data-series]').forEach(function (e) { drawn.add(e.getAttribute('data-series')); });
                  card.querySelectorAll('[data-legend]').forEach(function (e) {
                    if (!drawn.has(e.getAttribute('data-legend'))) problems.push('no ' + e.getAttribute('data-legend') + ' drawn: ' + name);
                  });
                }
              });
              document.querySelectorAll('.grid').forEach(function (grid) {
                var g = grid.getBoundingClientRect();
                var rows = {};
                Array.prototype.forEach.call(grid.children, function (c) {
                  var r = c.getBoundingClientRect();
                  var key = Math.round(r.top);
                  rows[key] = rows[key] || {left: 1e9, right: -1e9};
                  rows[key].left = Math.min(rows[key].left, r.left);
                  rows[key].right = Math.max(rows[key].right, r.right);
                });
                Object.keys(rows).forEach(function (k) {
                  if (rows[k].left > g.left + 1 || rows[k].right < g.right - 1)
                    problems.push('a hole in the row at ' + k + ' px of ' + grid.parentNode.querySelector('h2').textContent);
                });
              });
              var out = document.createElement('pre');
              out.id = 'layout-problems';
              out.textContent = problems.length ? problems.join('\\n') : 'none';
              document.body.appendChild(out);
            })();
            </script>
            """;

    @BeforeAll
    static void writeReports() throws IOException {
        chromium = findChromium();
        Files.createDirectories(DIR);
        StringWriter text = new StringWriter();
        new EmfLogGenerator(42, 3).write(text, 6 * 60);
        Path log = Files.writeString(DIR.resolve("app.log"), text.toString());
        report(log, "5m", HTML);
        report(Paths.get("src/test/resources/io/emfagent/tools/report/demo-emf.jsonl"), "1s", DEMO_HTML);
    }

    private static void report(Path log, String period, Path html) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReportCommand.run(List.of(log.toString(), "--period", period, "--html", html.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        // the same report with the layout check, for --dump-dom; the screenshots show the report as it is
        String page = Files.readString(html);
        assertThat(page).contains("</body>");
        Files.writeString(checked(html), page.replace("</body>", LAYOUT_CHECK + "</body>"));
    }

    private static Path checked(Path html) {
        return html.resolveSibling(html.getFileName().toString().replace(".html", "-checked.html"));
    }

    /** The page once laid out at the screenshots' width, with what the layout check found. */
    private static String dom(Path html) throws IOException, InterruptedException {
        return browser(checked(html), "--window-size=1440,2000", "--dump-dom");
    }

    private static String findChromium() {
        for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Paths.get(dir, name))) {
                    return Paths.get(dir, name).toString();
                }
            }
        }
        return null;
    }

    private static void requireChromium() {
        if (chromium != null) {
            return;
        }
        String why = "no chromium on the PATH to check the HTML report in a browser: install it (" + INSTALL + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + "; CI=true, so this is a failure, not a skip");
        }
        // once, on the console: a skipped check should not go unnoticed
        if (!skipReported) {
            skipReported = true;
            System.out.println("SKIPPED: HtmlReportInBrowserTest, " + why);
        }
        assumeTrue(false, why);
    }

    private static boolean skipReported;

    private static String browser(Path html, String... action) throws IOException, InterruptedException {
        requireChromium();
        Path profile = Files.createTempDirectory("emf-chromium");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
        command.addAll(List.of(action));
        command.add(html.toUri().toString());
        Path stdout = Files.createTempFile(DIR, "chromium", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + command);
        }
        return Files.readString(stdout);
    }

    @Test
    void chartsRenderWithData() throws Exception {
        String dom = dom(HTML);
        // throughput, then per family (booking, consumer, payment) success rate, latency and failures
        assertThat(count(dom, "<svg class=\"chart\"")).isEqualTo(1 + 3 * 3);
        assertThat(count(dom, "<path class=\"series\" data-series=\"p99\"")).isEqualTo(3);
        Matcher p99 = Pattern.compile("data-series=\"p99\" d=\"(M[^\"]+)\"").matcher(dom);
        assertThat(p99.find()).isTrue();
        assertThat(count(p99.group(1), "L")).as("points on the p99 line").isGreaterThan(60);
        assertThat(count(dom, "<rect class=\"bar\" data-series=\"SeatTakenException\"")).isGreaterThan(60);
        assertThat(dom).contains("data-series=\"consumer Service=ticketing Environment=production"
                + " (consumer.messages_processed)\"");
        assertThat(dom).doesNotContain("no data");
        // the generated log's failure bursts
        assertThat(dom).contains("booking success rate 10 points or more under its median");
        chartsAreReadable(dom);
    }

    @Test
    void theDemoRunShowsItsIncident() throws Exception {
        String dom = dom(DEMO_HTML);
        // throughput; booking, payment and reservation: rate, latency, failures; consumer: rate, failures
        assertThat(count(dom, "<svg class=\"chart\"")).isEqualTo(1 + 3 * 3 + 2);
        chartsAreReadable(dom);
        // the payment provider's slow seconds: p50 goes from a few ms to tens of ms, on the same chart
        List<Double> p50 = ys(series(chart(dom, "payment.duration"), "p50"));
        assertThat(p50.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - p50.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                .as("how far the payment p50 line moves during the incident, px").isGreaterThan(40);
        // and the incident's seconds are shaded on every chart, and said why
        assertThat(count(dom, "<rect class=\"standout\"")).isGreaterThanOrEqualTo(count(dom, "<svg class=\"chart\""));
        assertThat(dom).contains("payment p95 latency 3 times its median").contains("18:40:10 to 18:40:1");
    }

    /** What holds for every chart of every report. */
    private static void chartsAreReadable(String dom) {
        Matcher problems = Pattern.compile("<pre id=\"layout-problems\">([^<]*)</pre>").matcher(dom);
        assertThat(problems.find()).as("the layout check ran").isTrue();
        assertThat(problems.group(1)).as("layout problems").isEqualTo("none");
        List<String> charts = charts(dom);
        assertThat(charts).isNotEmpty();
        for (String chart : charts) {
            List<String> ticks = new ArrayList<>();
            Matcher tick = Pattern.compile("<text class=\"tick y\"[^>]*>([0-9.]+)[^<]*</text>").matcher(chart);
            while (tick.find()) {
                ticks.add(tick.group(1));
            }
            assertThat(ticks).as("y ticks").hasSizeGreaterThanOrEqualTo(3);
            if (chart.contains("data-scale=\"log\"")) {
                for (String t : ticks) {
                    String mantissa = new BigDecimal(t).stripTrailingZeros().unscaledValue().toString();
                    assertThat(List.of("1", "2", "5")).as("log tick " + t).contains(mantissa);
                }
            } else {
                Set<Integer> decimals = new HashSet<>();
                ticks.forEach(t -> decimals.add(t.contains(".") ? t.length() - t.indexOf('.') - 1 : 0));
                assertThat(decimals).as("decimals of the y ticks " + ticks).hasSize(1);
            }
            // lines drawn alike would hide each other where they meet
            Set<String> styles = new HashSet<>();
            Matcher path = Pattern.compile("<path class=\"series\"[^>]*>").matcher(chart);
            int lines = 0;
            while (path.find()) {
                lines++;
                styles.add(attribute(path.group(), "stroke-width") + " " + attribute(path.group(), "stroke-dasharray"));
            }
            assertThat(styles).as("distinct line styles").hasSize(lines);
        }
        // latency: p50 off the floor, not flattened by the slowest second
        for (String chart : charts) {
            if (chart.contains("data-series=\"p50\"")) {
                assertThat(chart).contains("data-scale=\"log\"");
                assertThat(ys(series(chart, "p50")).stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                        .as("highest p50 point, px from the top").isLessThan(PLOT_BOTTOM - 20);
            }
        }
    }

    @Test
    void screenshotIsNotBlank() throws Exception {
        screenshot(HTML, Paths.get("target", "report-screenshot.png"), 2000);
    }

    @Test
    void demoScreenshotIsNotBlank() throws Exception {
        screenshot(DEMO_HTML, Paths.get("target", "report-demo-screenshot.png"), 3000);
    }

    private static void screenshot(Path html, Path file, int height) throws Exception {
        Path png = file.toAbsolutePath();
        Files.deleteIfExists(png);
        browser(html, "--screenshot=" + png, "--window-size=1440," + height);
        assertThat(png).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1440);
        Set<Integer> colours = new HashSet<>();
        long inked = 0;
        int background = image.getRGB(image.getWidth() - 5, image.getHeight() - 5);
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                if (rgb != background) {
                    inked++;
                }
            }
        }
        assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
        assertThat(inked).as("pixels that are not background").isGreaterThan(image.getWidth() * image.getHeight() / 9 / 4);
    }

    private static List<String> charts(String dom) {
        List<String> charts = new ArrayList<>();
        Matcher svg = Pattern.compile("<svg class=\"chart\".*?</svg>", Pattern.DOTALL).matcher(dom);
        while (svg.find()) {
            charts.add(svg.group());
        }
        return charts;
    }

    /** The card whose title names {@code metric}, up to its chart's end. */
    private static String chart(String dom, String metric) {
        Matcher card = Pattern.compile("<h3>[^<]*" + Pattern.quote(metric) + "</h3>.*?<svg class=\"chart\".*?</svg>", Pattern.DOTALL).matcher(dom);
        assertThat(card.find()).as("a chart of " + metric).isTrue();
        return card.group();
    }

    private static String series(String chart, String name) {
        Matcher d = Pattern.compile("data-series=\"" + Pattern.quote(name) + "\" d=\"([^\"]+)\"").matcher(chart);
        assertThat(d.find()).as("the " + name + " line").isTrue();
        return d.group(1);
    }

    private static List<Double> ys(String path) {
        List<Double> ys = new ArrayList<>();
        Matcher point = Pattern.compile("[ML][0-9.]+,([0-9.]+)").matcher(path);
        while (point.find()) {
            ys.add(Double.parseDouble(point.group(1)));
        }
        return ys;
    }

    private static String attribute(String element, String name) {
        Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(element);
        return m.find() ? m.group(1) : "";
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
