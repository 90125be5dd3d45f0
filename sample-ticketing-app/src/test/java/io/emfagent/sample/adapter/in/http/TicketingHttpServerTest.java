package io.emfagent.sample.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emfagent.sample.adapter.out.memory.InMemoryBookingRepository;
import io.emfagent.sample.adapter.out.memory.InMemoryEventRepository;
import io.emfagent.sample.adapter.out.memory.InMemorySeatInventory;
import io.emfagent.sample.adapter.out.memory.InMemoryTicketRepository;
import io.emfagent.sample.adapter.out.payment.SimulatedPaymentGateway;
import io.emfagent.sample.app.PayBookingUseCase;
import io.emfagent.sample.app.ReserveTicketUseCase;
import io.emfagent.sample.app.SeatLockService;
import io.emfagent.sample.app.TicketingQueries;
import io.emfagent.sample.domain.Event;
import io.emfagent.sample.domain.Seat;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TicketingHttpServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private TicketingHttpServer server;
    private int port;

    /** One event {@code evt-1} with seats A1..A40 at 30.00; payments take {@code paymentLatency}. */
    private void start(Duration paymentLatency) throws IOException {
        List<Seat> seats = IntStream.rangeClosed(1, 40).mapToObj(n -> new Seat("A" + n, "A", n)).toList();
        InMemoryEventRepository events = new InMemoryEventRepository(
                List.of(new Event("evt-1", "Comedy Gala", new BigDecimal("30.00"), seats)));
        InMemorySeatInventory inventory = new InMemorySeatInventory();
        InMemoryBookingRepository bookings = new InMemoryBookingRepository();
        SeatLockService locks = new SeatLockService(inventory);
        ReserveTicketUseCase reserve = new ReserveTicketUseCase(events, bookings, locks, () -> "bk-" + UUID.randomUUID());
        PayBookingUseCase pay = new PayBookingUseCase(bookings, locks,
                new SimulatedPaymentGateway(paymentLatency, 0.0), (event, corrupt) -> { });
        server = TicketingHttpServer.start(new InetSocketAddress("127.0.0.1", 0), 8, reserve, pay,
                new TicketingQueries(events, inventory, bookings, new InMemoryTicketRepository()));
        port = server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply post(String path, String body) throws Exception {
        return postAsync(path, body).get(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<Reply> postAsync(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            try {
                return new Reply(r.statusCode(), JSON.readTree(r.body()));
            } catch (IOException e) {
                throw new IllegalStateException(r.body(), e);
            }
        });
    }

    private Reply get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), JSON.readTree(r.body()));
    }

    private static String reserveBody(String user, String... seats) {
        return "{\"userId\":\"" + user + "\",\"eventId\":\"evt-1\",\"seatIds\":[\"" + String.join("\",\"", seats) + "\"]}";
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        start(Duration.ZERO);
        assertField(post("/api/booking/reserve", "{\"eventId\":\"evt-1\",\"seatIds\":[\"A1\"]}"), "userId");
        assertField(post("/api/booking/reserve", "{\"userId\":\"u\",\"eventId\":\"evt-1\",\"seatIds\":[]}"), "seatIds");
        assertField(post("/api/booking/reserve", "{\"userId\":\"u\",\"eventId\":7,\"seatIds\":[\"A1\"]}"), "eventId");
        assertField(post("/api/booking/reserve", reserveBody("u", "A1", "A1")), "seatIds");
        assertField(post("/api/booking/reserve", "{\"userId\":"), "body");
        assertField(post("/api/booking/reserve", "[1,2]"), "body");
        assertField(post("/api/payment", "{\"bookingId\":\"bk-1\",\"amount\":-5}"), "amount");
        assertField(post("/api/payment", "{\"bookingId\":\"bk-1\",\"amount\":\"ten\"}"), "amount");
        assertField(post("/api/payment", "{\"bookingId\":\"bk-1\",\"amount\":1.005}"), "amount");
        assertField(post("/api/payment", "{\"bookingId\":\"bk-1\",\"amount\":1e999999999}"), "amount");
        assertField(post("/api/payment", "{\"bookingId\":\"bk-1\",\"amount\":1e-400}"), "amount");
        assertField(post("/api/payment", "{\"amount\":10}"), "bookingId");
        assertField(post("/api/payment", "{\"bookingId\":\"bk-1\",\"amount\":10,\"poison\":\"yes\"}"), "poison");
    }

    private static void assertField(Reply reply, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(reply.body().path("field").asText()).isEqualTo(field);
        assertThat(reply.body().path("message").asText()).contains(field);
        assertThat(reply.body().has("errorType")).as("rejected before any use case").isFalse();
    }

    @Test
    void unknownIdsAre404WithTheUseCasesErrorType() throws Exception {
        start(Duration.ZERO);
        Reply event = post("/api/booking/reserve", "{\"userId\":\"u\",\"eventId\":\"evt-9\",\"seatIds\":[\"A1\"]}");
        assertThat(event.status()).isEqualTo(404);
        assertThat(event.body().path("errorType").asText()).isEqualTo("EventNotFoundException");

        Reply seat = post("/api/booking/reserve", reserveBody("u", "Q77"));
        assertThat(seat.status()).isEqualTo(404);
        assertThat(seat.body().path("errorType").asText()).isEqualTo("SeatNotFoundException");

        Reply booking = post("/api/payment", "{\"bookingId\":\"bk-nope\",\"amount\":30}");
        assertThat(booking.status()).isEqualTo(404);
        assertThat(booking.body().path("errorType").asText()).isEqualTo("BookingNotFoundException");

        assertThat(get("/api/events/evt-9/seats").status()).isEqualTo(404);
        Reply route = get("/api/nothing-here");
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.body().has("errorType")).isFalse();
        assertThat(get("/api/booking/reserve").status()).isEqualTo(405);
    }

    @Test
    void twoUsersRacingForOneSeatGetOne201AndOne409() throws Exception {
        start(Duration.ZERO);
        for (int seat = 1; seat <= 20; seat++) {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Reply>> racers = new ArrayList<>();
            for (String user : List.of("alice", "bob")) {
                String body = reserveBody(user, "A" + seat);
                racers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return post("/api/booking/reserve", body);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Reply> racer : racers) {
                Reply reply = racer.get(10, TimeUnit.SECONDS);
                statuses.add(reply.status());
                if (reply.status() == 409) {
                    assertThat(reply.body().path("errorType").asText()).isEqualTo("SeatAlreadyTakenException");
                }
            }
            assertThat(statuses).as("seat A%d", seat).containsExactlyInAnyOrder(201, 409);
        }
        assertThat(get("/api/events/evt-1/seats").body().path("available").asInt()).isEqualTo(20);
    }

    @Test
    void aFullBookingFlowAndADeclineOverHttp() throws Exception {
        start(Duration.ZERO);
        Reply reserved = post("/api/booking/reserve", reserveBody("alice", "A1", "A2"));
        assertThat(reserved.status()).isEqualTo(201);
        assertThat(reserved.body().path("amount").decimalValue()).isEqualByComparingTo("60.00");
        String id = reserved.body().path("bookingId").asText();

        Reply wrong = post("/api/payment", "{\"bookingId\":\"" + id + "\",\"amount\":59.99}");
        assertThat(wrong.status()).isEqualTo(422);
        Reply paid = post("/api/payment", "{\"bookingId\":\"" + id + "\",\"amount\":60.00}");
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.body().path("status").asText()).isEqualTo("CONFIRMED");
        Reply again = post("/api/payment", "{\"bookingId\":\"" + id + "\",\"amount\":60.00}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("errorType").asText()).isEqualTo("BookingNotPayableException");

        String other = post("/api/booking/reserve", reserveBody("bob", "A3")).body().path("bookingId").asText();
        Reply declined = post("/api/payment",
                "{\"bookingId\":\"" + other + "\",\"amount\":30,\"card\":\"4000000000000002\"}");
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.body().path("errorType").asText()).isEqualTo("PaymentDeclinedException");
        assertThat(post("/api/booking/reserve", reserveBody("carol", "A3")).status())
                .as("the declined booking's seat is free again").isEqualTo(201);
    }

    @Test
    void stopLetsTheRequestInFlightFinishAndTurnsNewOnesAway() throws Exception {
        start(Duration.ofMillis(600));
        String id = post("/api/booking/reserve", reserveBody("alice", "A1")).body().path("bookingId").asText();
        CompletableFuture<Reply> inFlight = postAsync("/api/payment", "{\"bookingId\":\"" + id + "\",\"amount\":30}");
        TimeUnit.MILLISECONDS.sleep(150); // the payment is now inside the gateway's latency

        TicketingHttpServer stopping = server;
        server = null;
        assertThat(stopping.stop(Duration.ofSeconds(5))).isTrue();

        Reply reply = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(postAsync("/api/booking/reserve", reserveBody("bob", "A2")))
                .failsWithin(Duration.ofSeconds(10));
    }
}
