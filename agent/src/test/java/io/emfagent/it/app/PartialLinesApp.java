package io.emfagent.it.app;

import io.emfagent.annotations.Counted;

/**
 * Prints its lines in pieces, as progress bars and hand-built log lines do, with intervals closing
 * between the pieces.
 */
public final class PartialLinesApp {

    @Counted("pieces")
    static void call() {
    }

    public static void main(String[] args) throws InterruptedException {
        for (int line = 0; line < 8; line++) {
            System.out.print("line " + line + ":");
            for (int piece = 0; piece < 3; piece++) {
                call();
                Thread.sleep(60); // an interval of 100 ms closes in the middle of the line
                System.out.print(" piece " + piece);
            }
            System.out.println();
        }
    }
}
