package io.emfagent.junit;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;

/** A use case as applications write them, for the contract tests of the library itself. */
class ReserveSeat {

    static final class SeatTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Counted("booking")
    @Timed("booking")
    String reserve(String seat) throws InterruptedException {
        Thread.sleep(20);
        if (seat.startsWith("taken")) {
            throw new SeatTakenException();
        }
        return "reserved " + seat;
    }
}
