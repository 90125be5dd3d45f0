package io.emfagent.it;

import static io.emfagent.it.Dims.base;
import static org.assertj.core.api.Assertions.assertThat;

import io.emfagent.it.app.DimensionsApp;
import io.emfagent.tools.view.CloudWatchView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dimensions taken from arguments with {@code @Dimension} (DimensionsApp): exact per value, capped, refused by name. */
class DimensionsIT {

    private static final int N = 10;
    private static final String APP = "io.emfagent.it.app.DimensionsApp#";
    private static CloudWatchView view;
    private static String stderr;

    @BeforeAll
    static void run() throws Exception {
        ForkedJvm.Result result = ForkedJvm.app(DimensionsApp.class).agentArgs(Dims.AGENT_ARGS).run().succeeded();
        view = result.view();
        stderr = result.stderr;
    }

    @Test
    void eachValueOfAPropertyIsADimensionSetOfItsOwnWithExactCountsAndItsOwnDurations() {
        assertThat(view.sum("payment.attempts", base("PaymentMethod", "CARD"))).isEqualTo(N);
        assertThat(view.sum("payment.success", base("PaymentMethod", "WALLET"))).isEqualTo(N);
        assertThat(view.sum("payment.failure", base("PaymentMethod", "INVOICE"))).isEqualTo(N);
        assertThat(view.sum("payment.success", base("PaymentMethod", "INVOICE"))).isZero();
        assertThat(view.percentile("payment.duration", base("PaymentMethod", "CARD"), 50)).isBetween(10.0, 25.0);
        assertThat(view.percentile("payment.duration", base("PaymentMethod", "WALLET"), 50)).isBetween(30.0, 45.0);
        assertThat(view.sampleCount("payment.duration", base("PaymentMethod", "INVOICE"))).isEqualTo(N);
        // beside the method's own sets, not multiplied with them
        assertThat(view.sum("payment.attempts", base())).isEqualTo(3 * N);
        assertThat(view.sum("payment.failure", base("error_type", "IllegalStateException"))).isEqualTo(N);
        assertThat(view.dimensionSets("payment.failure")).noneMatch(set -> set.containsKey("PaymentMethod")
                && set.containsKey("error_type"));
    }

    @Test
    void enumsStringsIntegersBooleansAndNullsAreValues() {
        assertThat(view.sum("consumer.attempts", base("MessageType", "BOOKED"))).isEqualTo(N);
        assertThat(view.sum("consumer.attempts", base("MessageType", "none"))).isEqualTo(N);
        assertThat(view.sum("tiers.attempts", base("Tier", "100000"))).isEqualTo(N);
        assertThat(view.sum("tiers.attempts", base("Tier", "2"))).isEqualTo(N);
        assertThat(view.sum("flags.attempts", base("Express", "true"))).isEqualTo(N);
        assertThat(view.sum("flags.attempts", base("Express", "false"))).isEqualTo(N);
        assertThat(view.sum("regions.attempts", base("Region", "eu-west-1"))).isEqualTo(N);
        assertThat(view.sum("regions.attempts", base("Region", "none"))).isEqualTo(N);
    }

    @Test
    void gettersIsGettersAndPublicFieldsAreProperties() {
        assertThat(view.sum("getter.attempts", base("Channel", "web"))).isEqualTo(N);
        assertThat(view.sum("field.attempts", base("Region", "eu"))).isEqualTo(N);
        assertThat(view.sum("field.attempts", base("Region", "none"))).isEqualTo(N); // a null argument
        assertThat(view.sum("isser.attempts", base("Express", "false"))).isEqualTo(N);
    }

    @Test
    void anAsynchronousResultKeepsTheValueTakenAtTheCall() {
        assertThat(view.sum("async.success", base("PaymentMethod", "WALLET"))).isEqualTo(N);
        assertThat(view.percentile("async.duration", base("PaymentMethod", "WALLET"), 50)).isBetween(50.0, 65.0);
    }

    @Test
    void pastTheLimitValuesCountAsOtherWithOneWarning() {
        for (int c = 0; c < 20; c++) {
            assertThat(view.sum("customers.attempts", base("Customer", "customer-" + c))).isEqualTo(N);
        }
        assertThat(view.sum("customers.attempts", base("Customer", "Other"))).isEqualTo(5 * N);
        assertThat(view.sum("customers.attempts", base())).isEqualTo(25 * N);
        assertThat(stderr.lines().filter(line -> line.contains("values of dimension 'Customer'"))).hasSize(1);
        assertThat(stderr).contains("more than 20 values of dimension 'Customer' for metric family 'customers'; the"
                + " rest are counted as Customer=Other (raise maxDimensionValues to see more)");
    }

    @Test
    void whatTheAgentCannotReadIsRefusedAtWeaveTimeNamingMethodParameterAndProperty() {
        assertThat(view.metrics()).noneMatch(name -> name.startsWith("refused"));
        assertThat(stderr).contains("not woven: " + APP + "refusedType: @Dimension on parameter 1 (Order): the agent"
                + " reads enums, CharSequences, booleans and integers only, not io.emfagent.it.app.DimensionsApp$Order");
        assertThat(stderr).contains("not woven: " + APP + "refusedProperty: @Dimension on parameter 1 (Order): property"
                + " 'sum' is not found on io.emfagent.it.app.DimensionsApp$Order");
        assertThat(stderr).contains("not woven: " + APP + "refusedReturn: @Dimension on parameter 1 (Order): property"
                + " 'total' gives double");
        assertThat(stderr).doesNotContain("internal error");
    }

    @Test
    void anAnnotationOfANewerAnnotationsJarIsSaidAndTheRestWoven() {
        assertThat(view.sum("skew.attempts", base())).isEqualTo(N);
        assertThat(stderr).contains(APP + "skew carries @io.emfagent.annotations.Sampled, which this emf-agent does not"
                + " know (the annotations jar is newer than the agent)");
    }
}
