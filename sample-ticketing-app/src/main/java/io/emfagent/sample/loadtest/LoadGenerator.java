package io.emfagent.sample.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emfagent.sample.loadtest.SeatPool.SeatRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives the ticketing service with a mix of realistic and failing requests from many client threads, and
 * keeps its own tally of what the service must have measured. Run it with {@code --help} for the options.
 */
public final class LoadGenerator {

    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -cp sample-ticketing-app.jar io.emfagent.sample.loadtest.LoadGenerator [options]",
            "  --url URL          default http://127.0.0.1:8080",
            "  --requests N       default 5000",
            "  --story DURATION   instead of --requests: steady, incident, recovery, a third each (e.g. 30s)",
            "  --rate R           user journeys started per second with --story, default 150",
            "  --concurrency C    client threads, default 16",
            "  --mix M            default " + LoadConfig.DEFAULT_MIX,
            "  --seed S           random seed, default: varies",
            "  --tally FILE       where the tally JSON goes, default target/loadgen-tally.json",
            "  --quiet            no progress line",
            "example: java -cp sample-ticketing-app.jar io.emfagent.sample.loadtest.LoadGenerator"
                    + " --url http://127.0.0.1:8080 --story 30s --tally target/tally.json");

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(USAGE);
            return;
        }
        LoadConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("loadgen: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Tally tally = run(config, new Tally());
        printResponses(tally);
        System.out.println("tally (with the expected metric counts): " + config.tallyFile());
    }

    /** The client's view: every endpoint and how its requests ended. */
    static void printResponses(Tally tally) {
        System.out.println("Client tally: " + tally.sent() + " requests");
        tally.responses().forEach((endpoint, outcomes) -> {
            System.out.println("  " + endpoint);
            outcomes.forEach((outcome, n) -> System.out.printf("    %-40s %8d%n", outcome, n));
        });
    }

    static LoadConfig parse(String[] args) {
        String url = "http://127.0.0.1:8080";
        int requests = 5000;
        int concurrency = 16;
        String mix = LoadConfig.DEFAULT_MIX;
        long seed = System.nanoTime();
        Path tally = Path.of("target", "loadgen-tally.json");
        boolean progress = true;
        Duration story = null;
        double rate = 150;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--quiet")) {
                progress = false;
                continue;
            }
            if (name.equals("--help") || i + 1 >= args.length) {
                throw new IllegalArgumentException(name.equals("--help") ? "options" : name + " needs a value");
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--url" -> url = value;
                    case "--requests" -> requests = Integer.parseInt(value);
                    case "--concurrency" -> concurrency = Integer.parseInt(value);
                    case "--mix" -> mix = value;
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--tally" -> tally = Path.of(value);
                    case "--story" -> story = storyLength(value);
                    case "--rate" -> rate = Double.parseDouble(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, not '" + value + "'", e);
            }
        }
        List<Phase> phases = story == null ? List.of() : Story.of(story);
        return new LoadConfig(url, requests, concurrency, LoadConfig.parseMix(mix), seed, Duration.ofSeconds(10),
                tally, progress, phases, story == null ? 0 : rate);
    }

    private static Duration storyLength(String value) {
        if (!value.matches("\\d{1,4}s")) {
            throw new IllegalArgumentException("--story must be seconds like 30s, not '" + value + "'");
        }
        Duration length = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        if (length.getSeconds() < 3) {
            throw new IllegalArgumentException("--story must be at least 3s, one second per act");
        }
        return length;
    }

    /** Runs the load to the end (every request answered or failed), writes the tally file, returns the tally. */
    public static Tally run(LoadConfig config, Tally tally) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        SeatPool seats = new SeatPool(discoverFreeSeats(http, config));
        boolean story = !config.phases().isEmpty();
        // a story ends with its last phase, not with a number of requests
        Budget budget = new Budget(story ? Long.MAX_VALUE : config.requests());
        Scenarios scenarios = new Scenarios(new ApiClient(http, config.baseUrl(), config.timeout(), tally), budget,
                seats);
        AtomicReference<List<Scenario>> weighted = new AtomicReference<>(weighted(config.mix()));
        AtomicBoolean over = new AtomicBoolean();
        Pacer pacer = new Pacer(config.rate());
        ExecutorService clients = Executors.newFixedThreadPool(config.concurrency());
        Progress progress = new Progress(budget, tally, System.err, config.progress());
        try {
            if (story) {
                play(config.phases().get(0), http, config, weighted);
            }
            for (int c = 0; c < config.concurrency(); c++) {
                Random random = new Random(config.seed() * 31 + c);
                clients.execute(() -> {
                    while (!over.get() && budget.started() < budget.total()) {
                        pacer.await();
                        List<Scenario> mix = weighted.get();
                        scenarios.play(mix.get(random.nextInt(mix.size())), random);
                    }
                });
            }
            if (story) {
                long start = System.nanoTime();
                Duration elapsed = Duration.ZERO;
                for (int p = 0; p < config.phases().size(); p++) {
                    if (p > 0) {
                        play(config.phases().get(p), http, config, weighted);
                    }
                    elapsed = elapsed.plus(config.phases().get(p).length());
                    long wait = start + elapsed.toNanos() - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                over.set(true);
            }
            clients.shutdown();
            // bounded: every request has its own time-out, so this is only a guard against a hung client
            long guardSeconds = 60 + (story ? 0 : config.requests() / 10L);
            if (!clients.awaitTermination(guardSeconds, TimeUnit.SECONDS)) {
                clients.shutdownNow();
                throw new IllegalStateException("the load did not finish within " + guardSeconds + " s");
            }
        } finally {
            progress.close();
        }
        if (config.tallyFile() != null) {
            tally.write(config.tallyFile());
        }
        return tally;
    }

    /** Sets the phase's conditions on the service, then its mix; says so on stdout, where the story is told. */
    private static void play(Phase phase, HttpClient http, LoadConfig config,
            AtomicReference<List<Scenario>> weighted) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.baseUrl() + "/simulation?"
                + phase.simulationQuery())).timeout(config.timeout()).PUT(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the service refused the " + phase.name() + " phase's conditions: "
                    + response.statusCode() + " " + response.body());
        }
        weighted.set(weighted(phase.mix()));
        System.out.printf("loadgen: %-9s %3d s  %s%n", phase.name(), phase.length().toSeconds(), phase.story());
        System.out.flush();
    }

    private static List<Scenario> weighted(Map<Scenario, Integer> mix) {
        List<Scenario> list = new ArrayList<>();
        mix.forEach((scenario, weight) -> list.addAll(Collections.nCopies(weight, scenario)));
        return list;
    }

    /** Asks the service which seats are free; these requests are set-up, not part of the tally. */
    private static List<SeatRef> discoverFreeSeats(HttpClient http, LoadConfig config) {
        ApiClient setup = new ApiClient(http, config.baseUrl(), config.timeout(), new Tally());
        Response events = setup.get(ApiClient.EVENTS, "/api/events");
        if (!events.ok()) {
            throw new IllegalStateException("could not list the events at " + config.baseUrl() + ": " + events.outcome());
        }
        List<SeatRef> free = new ArrayList<>();
        for (JsonNode event : events.body().path("events")) {
            String eventId = event.path("id").asText();
            Response seats = setup.get(ApiClient.SEATS, "/api/events/" + eventId + "/seats");
            for (JsonNode seat : seats.body() == null ? new ObjectMapper().createArrayNode() : seats.body().path("seats")) {
                if (seat.path("available").asBoolean()) {
                    free.add(new SeatRef(eventId, seat.path("id").asText()));
                }
            }
        }
        if (free.isEmpty()) {
            throw new IllegalStateException("the service has no free seats; restart it or seed more");
        }
        // shuffled so that client threads spread over events instead of all starting at evt-1/A1
        Collections.shuffle(free, new Random(config.seed()));
        return free;
    }
}
