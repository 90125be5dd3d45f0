package io.emfagent.tools.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
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
 * Opens the HTML report in headless Chromium, offline, and checks that the charts rendered with
 * data. The screenshot stays in {@code target/report-screenshot.png} to look at.
 */
class HtmlReportInBrowserTest {

    private static final Path DIR = Paths.get("target", "report-browser-test");
    private static final Path HTML = DIR.resolve("report.html");
    private static String chromium;

    @BeforeAll
    static void writeReport() throws IOException {
        chromium = findChromium();
        Files.createDirectories(DIR);
        StringWriter text = new StringWriter();
        new EmfLogGenerator(42, 3).write(text, 6 * 60);
        Path log = Files.writeString(DIR.resolve("app.log"), text.toString());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReportCommand.run(List.of(log.toString(), "--period", "5m", "--html", HTML.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
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

    private static String browser(String... action) throws IOException, InterruptedException {
        assumeTrue(chromium != null, "no chromium on the PATH: install it (apt-get install -y chromium) to check"
                + " the HTML report in a browser");
        Path profile = Files.createTempDirectory("emf-chromium");
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
        command.addAll(List.of(action));
        command.add(HTML.toUri().toString());
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
        String dom = browser("--dump-dom");
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
    }

    @Test
    void screenshotIsNotBlank() throws Exception {
        Path png = Paths.get("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(png);
        browser("--screenshot=" + png, "--window-size=1440,2000");
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

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
