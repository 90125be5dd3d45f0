package io.emfagent.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A metric contract test: the agent runs in the test's JVM (attached on first use), and each test
 * method can take an {@link EmfMetrics} parameter holding what CloudWatch would store for the calls
 * that test made.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(EmfMetricsExtension.class)
public @interface EmfMetricsTest {
}
