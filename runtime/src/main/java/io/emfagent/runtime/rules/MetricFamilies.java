package io.emfagent.runtime.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How metrics make up a family, in one place. A family ({@code booking}) is written as up to one
 * metric per {@link Role} under the family's dimension values; failures are written again per
 * {@code error_type} and durations per {@code status}, so the family's dimensions are those of any
 * of its metrics without these two. The interval writes by these rules; the dashboard (from the
 * methods' declarations) and the report (from the EMF it reads) group metrics back into families
 * with {@link #add}, so all three agree on what one family is.
 */
public final class MetricFamilies {

    /** What a metric is to its family; the name of the dimension it is split by, if any. */
    public enum Role {
        ATTEMPTS(null), SUCCESS(null), FAILURE(EmfRules.ERROR_TYPE), DURATION(EmfRules.STATUS);

        private final String splitBy;

        Role(String splitBy) {
            this.splitBy = splitBy;
        }

        /** The dimension this role's metric is also written per value of, or null. */
        public String splitBy() {
            return splitBy;
        }
    }

    /** One family under one set of dimension values, and its metric for each role found. */
    public static final class Family {
        private final String name;
        private final Map<String, String> dimensions;
        private final Map<Role, String> metrics = new EnumMap<>(Role.class);

        private Family(String name, Map<String, String> dimensions) {
            this.name = name;
            this.dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        }

        public String name() {
            return name;
        }

        /** The dimension values every metric of the family carries (without error_type and status). */
        public Map<String, String> dimensions() {
            return dimensions;
        }

        /** The family's metric for {@code role}, or null. */
        public String metric(Role role) {
            return metrics.get(role);
        }

        /**
         * Gives the family {@code metric} for {@code role}; false, and nothing changes, when another
         * metric already has that role (two methods of one family that name a role differently).
         */
        public boolean offer(Role role, String metric) {
            String current = metrics.putIfAbsent(role, metric);
            return current == null || current.equals(metric);
        }
    }

    private final Map<String, Family> byKey = new LinkedHashMap<>();

    /**
     * The family {@code name} under the dimension values of one of its metrics ({@code error_type}
     * and {@code status} are left out), created on first use.
     */
    public Family add(String name, Map<String, String> metricDimensions) {
        Map<String, String> dimensions = familyDimensions(metricDimensions);
        return byKey.computeIfAbsent(name + '\u0000' + dimensions, key -> new Family(name, dimensions));
    }

    /** The families, in the order first added. */
    public List<Family> all() {
        return new ArrayList<>(byKey.values());
    }

    /** The dimension values of a metric without those a role is split by. */
    public static Map<String, String> familyDimensions(Map<String, String> metricDimensions) {
        Map<String, String> rest = metricDimensions;
        for (Role role : Role.values()) {
            if (role.splitBy != null && rest.containsKey(role.splitBy)) {
                rest = new LinkedHashMap<>(rest);
                rest.remove(role.splitBy);
            }
        }
        return rest;
    }
}
