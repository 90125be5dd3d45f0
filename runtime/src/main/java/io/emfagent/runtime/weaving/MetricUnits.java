package io.emfagent.runtime.weaving;

import io.emfagent.runtime.record.Instrument;
import java.util.HashMap;
import java.util.Map;

/**
 * The unit of every metric name woven so far, and the method that first wrote it: a metric written
 * as a Count by one method and in Milliseconds by another would be one CloudWatch metric with two
 * units, so the second method is refused.
 */
final class MetricUnits {

    private static final String COUNT = "Count";
    private static final String MILLISECONDS = "Milliseconds";

    /** By metric name: its unit and the method that claimed it. */
    private final Map<String, String[]> claims = new HashMap<>();

    /** Claims the instrument's metric names; returns what conflicts (and claims nothing), or null. */
    synchronized String claim(Instrument instrument) {
        String[] names = {instrument.attempts(), instrument.success(), instrument.failure(), instrument.duration()};
        String[] units = {COUNT, COUNT, COUNT, MILLISECONDS};
        for (int i = 0; i < names.length; i++) {
            String[] earlier = names[i] == null ? null : claims.get(names[i]);
            if (earlier != null && !earlier[0].equals(units[i]) && !earlier[1].equals(instrument.method())) {
                return instrument.method() + " would write the metric '" + names[i] + "' in " + units[i] + ", but "
                        + earlier[1] + " writes it as " + earlier[0] + "; rename one of them";
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) {
                claims.putIfAbsent(names[i], new String[] {units[i], instrument.method()});
            }
        }
        return null;
    }
}
