package io.emfagent.tools.report;

import io.emfagent.tools.view.PeriodView;
import io.emfagent.runtime.rules.MetricFamilies;
import io.emfagent.runtime.rules.MetricFamilies.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups the metrics of a {@link PeriodView} into {@link Family families} by
 * {@link MetricFamilies}'s rule, the way the agent names them: {@code <family>.<suffix>}, one family per combination of dimension values. A metric's role
 * comes from its suffix when it is a default one (attempts, success, failure, duration), else from
 * what the agent writes with it: failures carry {@code error_type}, durations carry {@code status}
 * or a time unit; a family's one remaining count is its success count (for example
 * {@code consumer.messages_processed}). Levels written as distributions that fit no family are
 * {@link #gauges() gauges}; the other metrics that fit no family are {@link #others() others}.
 */
public final class Families {

    private static final Set<String> TIME_UNITS = Set.of("Milliseconds", "Seconds", "Microseconds");

    private final List<Family> families;
    private final Set<String> gauges;
    private final Set<String> others;

    private Families(List<Family> families, Set<String> gauges, Set<String> others) {
        this.families = families;
        this.gauges = gauges;
        this.others = others;
    }

    /**
     * Metrics of no family written as distributions that are not durations: levels sampled over each
     * interval (gauges, such as {@code consumer.lag}), by name. Their numbers are min, average and max.
     */
    public Set<String> gauges() {
        return gauges;
    }

    /** The families, by name and then dimension values. */
    public List<Family> all() {
        return families;
    }

    /** Metrics that belong to no family, by name. */
    public Set<String> others() {
        return others;
    }

    public static Families of(PeriodView view) {
        MetricFamilies grouping = new MetricFamilies();
        Map<MetricFamilies.Family, List<String>> unassigned = new LinkedHashMap<>();
        Set<String> gauges = new TreeSet<>();
        Set<String> others = new TreeSet<>();
        for (String metric : view.metrics()) {
            int dot = metric.lastIndexOf('.');
            if (isLevel(view, metric)) {
                gauges.add(metric);
                continue;
            }
            Role role = dot <= 0 || dot == metric.length() - 1 ? null : role(view, metric, metric.substring(dot + 1));
            if (dot <= 0 || dot == metric.length() - 1) {
                others.add(metric);
                continue;
            }
            String name = metric.substring(0, dot);
            for (Map<String, String> set : view.dimensionSets(metric)) {
                MetricFamilies.Family family = grouping.add(name, set);
                if (role == null || !family.offer(role, metric)) {
                    List<String> rest = unassigned.computeIfAbsent(family, k -> new ArrayList<>());
                    if (!rest.contains(metric)) {
                        rest.add(metric);
                    }
                }
            }
        }
        List<Family> found = new ArrayList<>();
        for (MetricFamilies.Family members : grouping.all()) {
            List<String> rest = unassigned.getOrDefault(members, List.of());
            if (members.metric(Role.SUCCESS) == null && rest.size() == 1 && isCount(view.unit(rest.get(0)))) {
                members.offer(Role.SUCCESS, rest.get(0));
            } else {
                others.addAll(rest);
            }
            Family family = new Family(members, view);
            if (family.hasCounts() || family.durationMetric() != null) {
                found.add(family);
            }
        }
        found.sort((a, b) -> a.label().compareTo(b.label()));
        return new Families(Collections.unmodifiableList(found), Collections.unmodifiableSet(gauges),
                Collections.unmodifiableSet(others));
    }

    /**
     * Whether the metric is a level sampled over each interval (a gauge): written as a distribution,
     * never split by {@code status} or {@code error_type}, as the agent writes gauges whatever their
     * name ({@code kafka.commit.duration} included); the agent's durations always carry {@code status}.
     */
    private static boolean isLevel(PeriodView view, String metric) {
        return view.writtenAsDistribution(metric) && !splitBy(view, metric, Role.FAILURE)
                && !splitBy(view, metric, Role.DURATION);
    }

    /** Whether the metric was written under the dimension {@code role}'s metrics are split by. */
    private static boolean splitBy(PeriodView view, String metric, Role role) {
        for (Map<String, String> set : view.dimensionSets(metric)) {
            if (set.containsKey(role.splitBy())) {
                return true;
            }
        }
        return false;
    }

    /** The metric's role in its family, null when it has none of its own. */
    private static Role role(PeriodView view, String metric, String suffix) {
        if (suffix.equals("attempts")) {
            return Role.ATTEMPTS;
        }
        if (suffix.equals("success")) {
            return Role.SUCCESS;
        }
        if (suffix.equals("failure") || splitBy(view, metric, Role.FAILURE)) {
            return Role.FAILURE;
        }
        if (suffix.equals("duration") || splitBy(view, metric, Role.DURATION) || TIME_UNITS.contains(view.unit(metric))) {
            return Role.DURATION;
        }
        return null;
    }

    private static boolean isCount(String unit) {
        return unit == null || unit.equals("Count");
    }
}
