package io.emfagent.annotations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** Without the agent, the annotations are plain metadata: no output, no threads, no change. */
class AnnotationsAreInertTest {

    static final class Service {
        @Counted("booking")
        @Timed("booking")
        int reserve(int seats) {
            if (seats <= 0) {
                throw new IllegalArgumentException("seats must be positive");
            }
            return seats * 2;
        }
    }

    @Test
    void annotatedMethodsBehaveAsIfUnannotatedAndWriteNothing() {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int threadsBefore = Thread.activeCount();
        System.setOut(new PrintStream(captured, true));
        try {
            Service service = new Service();
            for (int i = 1; i <= 1000; i++) {
                assertThat(service.reserve(i)).isEqualTo(i * 2);
            }
            assertThatThrownBy(() -> service.reserve(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("seats must be positive")
                    .satisfies(t -> assertThat(t.getStackTrace()[0].getClassName()).isEqualTo(Service.class.getName()));
        } finally {
            System.setOut(originalOut);
        }
        assertThat(captured.size()).isZero();
        assertThat(Thread.activeCount()).isEqualTo(threadsBefore);
    }

    @Test
    void annotationsAreVisibleAtRuntimeWithTheirDefaults() throws NoSuchMethodException {
        Method method = Service.class.getDeclaredMethod("reserve", int.class);
        Counted counted = method.getAnnotation(Counted.class);
        Timed timed = method.getAnnotation(Timed.class);
        assertThat(counted.value()).isEqualTo("booking");
        assertThat(counted.attempts()).isEqualTo("attempts");
        assertThat(counted.success()).isEqualTo("success");
        assertThat(counted.failure()).isEqualTo("failure");
        assertThat(counted.dimensions()).isEmpty();
        assertThat(timed.duration()).isEqualTo("duration");
    }
}
