package io.emfagent.it;

import java.util.LinkedHashMap;
import java.util.Map;

/** Dimension maps for assertions: the service's own, plus extras. */
final class Dims {

    static final String SERVICE = "it-service";
    static final String ENVIRONMENT = "it";
    /** The agent argument that sets the dimensions above. */
    static final String AGENT_ARGS = "namespace=EmfAgent/IT,service=" + SERVICE + ",environment=" + ENVIRONMENT;

    private Dims() {
    }

    static Map<String, String> base(String... extra) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("Service", SERVICE);
        dims.put("Environment", ENVIRONMENT);
        for (int i = 0; i < extra.length; i += 2) {
            dims.put(extra[i], extra[i + 1]);
        }
        return dims;
    }
}
