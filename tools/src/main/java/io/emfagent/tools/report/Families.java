package io.emfagent.tools.report;

import io.emfagent.tools.view.PeriodView;
import io.emfagent.runtime.rules.EmfRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups the metrics of a {@link PeriodView} into {@link Family families}, the way the agent names
 * them: {@code <family>.<suffix>}, one family per combination of dimension values. A metric's role
 * comes from its suffix when it is a default one (attempts, success, failure, duration), else from
 * what the agent writes with it: failures carry {@code error_type}, durations carry {@code status}
 * or a time unit; a family's one remaining count is its success count (for example
 * {@code consumer.messages_processed}). Metrics that fit no family are {@link #others() others}.
 */
public final class Families {

    private static final Set<String> TIME_UNITS = Set.of("Milliseconds", "Seconds", "Microseconds");

    private final List<Family> families;
    private final Set<String> others;

    private Families(List<Family> families, Set<String> others) {
        this.families = families;
        this.others = others;
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
        Map<String, Family> byKey = new LinkedHashMap<>();
        Map<String, List<String>> unassigned = new LinkedHashMap<>();
        Set<String> others = new TreeSet<>();
        for (String metric : view.metrics()) {
            int dot = metric.lastIndexOf('.');
            if (dot <= 0 || dot == metric.length() - 1) {
                others.add(metric);
                continue;
            }
            String name = metric.substring(0, dot);
            Role role = role(view, metric, metric.substring(dot + 1));
            for (Map<String, String> set : view.dimensionSets(metric)) {
                Map<String, String> base = Family.without(Family.without(set, EmfRules.ERROR_TYPE), EmfRules.STATUS);
                String key = name + '\u0000' + base;
                Family family = byKey.computeIfAbsent(key, k -> new Family(name, base, view));
                if (!assign(family, role, metric)) {
                    List<String> rest = unassigned.computeIfAbsent(key, k -> new ArrayList<>());
                    if (!rest.contains(metric)) {
                        rest.add(metric);
                    }
                }
            }
        }
        byKey.forEach((key, family) -> {
            List<String> rest = unassigned.getOrDefault(key, List.of());
            if (family.success == null && rest.size() == 1 && isCount(view.unit(rest.get(0)))) {
                family.success = rest.get(0);
            } else {
                others.addAll(rest);
            }
        });
        List<Family> found = new ArrayList<>();
        for (Family family : byKey.values()) {
            if (family.hasCounts() || family.duration != null) {
                found.add(family);
            }
        }
        found.sort((a, b) -> a.label().compareTo(b.label()));
        return new Families(Collections.unmodifiableList(found), Collections.unmodifiableSet(others));
    }

    private enum Role { ATTEMPTS, SUCCESS, FAILURE, DURATION, OTHER }

    private static Role role(PeriodView view, String metric, String suffix) {
        boolean errorType = false;
        boolean status = false;
        for (Map<String, String> set : view.dimensionSets(metric)) {
            errorType |= set.containsKey(EmfRules.ERROR_TYPE);
            status |= set.containsKey(EmfRules.STATUS);
        }
        if (suffix.equals("attempts")) {
            return Role.ATTEMPTS;
        }
        if (suffix.equals("success")) {
            return Role.SUCCESS;
        }
        if (suffix.equals("failure") || errorType) {
            return Role.FAILURE;
        }
        if (suffix.equals("duration") || status || TIME_UNITS.contains(view.unit(metric))) {
            return Role.DURATION;
        }
        return Role.OTHER;
    }

    /** Gives the family its metric for {@code role}; false when the role is taken or unknown. */
    private static boolean assign(Family family, Role role, String metric) {
        if (role == Role.OTHER) {
            return false;
        }
        String current = switch (role) {
            case ATTEMPTS -> family.attempts;
            case SUCCESS -> family.success;
            case FAILURE -> family.failure;
            default -> family.duration;
        };
        if (current != null && !current.equals(metric)) {
            return false;
        }
        switch (role) {
            case ATTEMPTS -> family.attempts = metric;
            case SUCCESS -> family.success = metric;
            case FAILURE -> family.failure = metric;
            default -> family.duration = metric;
        }
        return true;
    }

    private static boolean isCount(String unit) {
        return unit == null || unit.equals("Count");
    }
}
