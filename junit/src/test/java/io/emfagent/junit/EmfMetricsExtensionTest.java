package io.emfagent.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The library's own contract tests: each assertion passes when the metric is right, and fails clearly when not. */
@EmfMetricsTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmfMetricsExtensionTest {

    private final ReserveSeat useCase = new ReserveSeat();

    @Test
    @Order(1)
    void aTakenSeatIsABookingFailureOfItsType(EmfMetrics metrics) throws Exception {
        assertThatThrownBy(() -> useCase.reserve("taken-12")).isInstanceOf(ReserveSeat.SeatTakenException.class);
        metrics.assertThat("booking.failure").withDimension("error_type", "SeatTakenException").hasSum(1);
        metrics.assertThat("booking.duration").withDimension("status", "failure").hasSampleCount(1);
        metrics.assertThat("booking.success").hasSum(0);
        metrics.assertThat("booking.attempts").hasSum(1);
        metrics.hasOnlyMetrics("booking.attempts", "booking.success", "booking.failure", "booking.duration");
    }

    /** Runs after the first: what that test recorded is not this test's. */
    @Test
    @Order(2)
    void metricsBelongToTheTestThatMadeThem(EmfMetrics metrics) throws Exception {
        useCase.reserve("A1");
        useCase.reserve("A2");
        metrics.assertThat("booking.attempts").hasSum(2);
        metrics.assertThat("booking.failure").hasSum(0);
        metrics.assertThat("booking.duration").hasSampleCount(2).hasPercentile(50, 21, 15);
        metrics.assertThat("booking.failure").hasDimensionValues("error_type");
    }

    @Test
    @Order(3)
    void eachAssertionFailsWithWhatWasRecorded(EmfMetrics metrics) throws Exception {
        useCase.reserve("B1");
        assertThatThrownBy(() -> metrics.assertThat("booking.attempts").hasSum(2))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("booking.attempts: expected Sum 2.0 but was Sum 1.0")
                .hasMessageContaining("recorded in this test:")
                .hasMessageContaining("booking.duration");
        assertThatThrownBy(() -> metrics.assertThat("booking.duration").withDimension("status", "success").hasSampleCount(3))
                .hasMessageContaining("booking.duration {status=success}: expected SampleCount 3 but was SampleCount 1");
        assertThatThrownBy(() -> metrics.assertThat("booking.duration").hasPercentile(99, 500, 10))
                .hasMessageContaining("expected p99.0 500.0 ± 10.0 but was p99.0");
        assertThatThrownBy(() -> metrics.assertThat("booking.failure").hasDimensionValues("error_type", "Timeout"))
                .hasMessageContaining("expected error_type values [Timeout] but was error_type values []");
        assertThatThrownBy(() -> metrics.hasOnlyMetrics("booking.attempts"))
                .hasMessageContaining("metrics other than [booking.attempts] were recorded: [booking.duration,"
                        + " booking.failure, booking.success]");
        assertThatThrownBy(() -> metrics.assertThat("bookings.attempts").hasSum(1))
                .hasMessageContaining("bookings.attempts: expected Sum 1.0 but was no such series");
    }

    @Test
    @Order(4)
    void aTestThatCallsNothingSeesNothing(EmfMetrics metrics) {
        assertThat(metrics.series()).isEmpty();
    }
}
