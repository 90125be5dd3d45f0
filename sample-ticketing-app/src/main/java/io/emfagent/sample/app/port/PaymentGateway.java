package io.emfagent.sample.app.port;

import io.emfagent.sample.domain.PaymentDeclinedException;
import java.math.BigDecimal;

/** The payment provider. */
public interface PaymentGateway {

    /**
     * Charges the card and returns the provider's payment id.
     *
     * @throws PaymentDeclinedException when the provider refuses the charge
     */
    String charge(String bookingId, BigDecimal amount, String card);
}
