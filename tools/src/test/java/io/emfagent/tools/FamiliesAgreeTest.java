package io.emfagent.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.emfagent.runtime.aggregate.Interval;
import io.emfagent.runtime.emf.EmfWriter;
import io.emfagent.runtime.record.CallSnapshot;
import io.emfagent.runtime.record.Distribution;
import io.emfagent.runtime.record.Instrument;
import io.emfagent.runtime.rules.MetricFamilies;
import io.emfagent.runtime.rules.MetricFamilies.Role;
import io.emfagent.tools.dashboard.MetricFamily;
import io.emfagent.tools.report.Families;
import io.emfagent.tools.report.Family;
import io.emfagent.tools.view.PeriodView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the interval writes, the report reads back and the dashboard declares are the same families. */
class FamiliesAgreeTest {

    private static final Map<String, String> DIMS = Map.of("Service", "s", "Environment", "e");

    /** {@code @Counted("booking")} on one method and {@code @Timed("booking")} on another, plus a second family. */
    private static final List<Instrument> INSTRUMENTS = List.of(
            new Instrument("A#book", "booking", "booking.attempts", "booking.success", "booking.failure", null, DIMS),
            new Instrument("B#book", "booking", null, null, null, "booking.duration", DIMS),
            new Instrument("C#pay", "payment", "payment.attempts", "payment.success", "payment.failure",
                    "payment.duration", DIMS));

    @Test
    void theReportFindsInTheEmfTheFamiliesTheDashboardDeclares() throws Exception {
        Interval interval = new Interval(System.currentTimeMillis());
        interval.add(new CallSnapshot(INSTRUMENTS.get(0), 7, Map.of("SeatTaken", 2L, "Timeout", 1L), null, null));
        interval.add(new CallSnapshot(INSTRUMENTS.get(1), 0, Map.of(), Distribution.of(1_000_000, 2_000_000),
                Distribution.of(3_000_000)));
        interval.add(new CallSnapshot(INSTRUMENTS.get(2), 4, Map.of("Declined", 1L), Distribution.of(5_000_000),
                Distribution.of(6_000_000)));
        PeriodView view = new PeriodView(60_000);
        ObjectMapper json = new ObjectMapper();
        for (String line : new EmfWriter("Test/Ns", 60, null, null).write(interval)) {
            view.add(json.readTree(line));
        }

        Families read = Families.of(view);
        List<MetricFamily> declared = MetricFamily.of(INSTRUMENTS);

        assertThat(read.others()).isEmpty();
        assertThat(read.all()).extracting(Family::name).containsExactly("booking", "payment");
        assertThat(declared).extracting(MetricFamily::name).containsExactly("booking", "payment");
        for (int i = 0; i < declared.size(); i++) {
            MetricFamily d = declared.get(i);
            Family r = read.all().get(i);
            assertThat(r.dimensions()).isEqualTo(d.dimensions());
            assertThat(List.of(r.attemptsMetric(), r.successMetric(), r.failureMetric(), r.durationMetric()))
                    .isEqualTo(List.of(d.attempts(), d.success(), d.failure(), d.duration()));
        }
        Family.Row booking = read.all().get(0).row(null);
        assertThat(booking.attempts()).isEqualTo(10);
        assertThat(booking.failure()).isEqualTo(3);
        assertThat(booking.failuresByErrorType()).containsExactlyInAnyOrderEntriesOf(Map.of("SeatTaken", 2.0, "Timeout", 1.0));
    }

    @Test
    void aRoleKeepsItsFirstMetricAndAFamilyIsKnownWithoutItsSplitDimensions() {
        MetricFamilies grouping = new MetricFamilies();
        MetricFamilies.Family f = grouping.add("booking", Map.of("Service", "s", "error_type", "Timeout"));
        assertThat(f.offer(Role.FAILURE, "booking.failure")).isTrue();
        assertThat(f.offer(Role.FAILURE, "booking.failed")).isFalse();
        assertThat(grouping.add("booking", Map.of("Service", "s", "status", "success"))).isSameAs(f);
        assertThat(f.metric(Role.FAILURE)).isEqualTo("booking.failure");
        assertThat(f.dimensions()).isEqualTo(Map.of("Service", "s"));
    }
}
