package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;
import java.lang.reflect.Proxy;

/**
 * Annotations on interfaces, abstract methods and overridden methods, inherited by the
 * implementations; each call below is made a known number of times (N).
 */
public class InheritanceApp {

    static final int N = 10;

    /** Two implementations add into one family, named by the interface. */
    public interface PaymentGateway {
        @Counted("gateway")
        @Timed("gateway")
        int charge(int cents);
    }

    public static class CardGateway implements PaymentGateway {
        @Override
        public int charge(int cents) {
            if (cents < 0) {
                throw new IllegalArgumentException("negative");
            }
            return cents;
        }
    }

    public static class WalletGateway implements PaymentGateway {
        @Override
        public int charge(int cents) {
            sleep(20);
            return cents;
        }
    }

    /** Its own annotation wins over the interface's. */
    public static class OwnGateway implements PaymentGateway {
        @Override
        @Counted("own")
        public int charge(int cents) {
            return cents;
        }
    }

    /** No family name: named after the interface that declares the annotation. */
    public interface Notifier {
        @Counted
        void send(String text);
    }

    public static class EmailNotifier implements Notifier {
        @Override
        public void send(String text) {
        }
    }

    /** An abstract method of an abstract class. */
    public abstract static class Job {
        @Counted("job")
        public abstract void run();
    }

    public static class CleanupJob extends Job {
        @Override
        public void run() {
        }
    }

    /** An annotated method overridden without the annotation, once without super and once with it. */
    public static class Base {
        @Counted("base")
        public void work() {
        }
    }

    public static class Replacing extends Base {
        @Override
        public void work() {
        }
    }

    public static class Extending extends Base {
        @Override
        public void work() {
            super.work();
        }
    }

    /** A generic interface: the implementation's method differs from it by erasure (a bridge joins them). */
    public interface Repository<T> {
        @Counted("repository")
        T save(T entity);
    }

    public static class TicketRepository implements Repository<String> {
        @Override
        public String save(String ticket) {
            return ticket;
        }
    }

    /** Two supertypes that annotate one method differently: left unwoven, with a warning. */
    public interface Audited {
        @Counted("audited")
        void close();
    }

    public interface Tracked {
        @Counted("tracked")
        void close();
    }

    public static class Conflicted implements Audited, Tracked {
        @Override
        public void close() {
        }
    }

    /** Recursion in an inheriting method still counts every call. */
    public interface Countdown {
        @Counted("countdown")
        int from(int n);
    }

    public static class RecursiveCountdown implements Countdown {
        @Override
        public int from(int n) {
            return n == 0 ? 0 : from(n - 1) + 1;
        }
    }

    public static void main(String[] args) {
        PaymentGateway card = new CardGateway();
        PaymentGateway wallet = new WalletGateway();
        for (int i = 0; i < N; i++) {
            card.charge(100);
            try {
                card.charge(-1);
            } catch (IllegalArgumentException expected) {
                // counted as a failure
            }
            wallet.charge(100);
            new OwnGateway().charge(1);
            new EmailNotifier().send("hi");
            new CleanupJob().run();
            new Replacing().work();
            new Extending().work();
            new Base().work();
            new TicketRepository().save("t");
            new Conflicted().close();
            // a JDK proxy of an annotated interface: generated at run time, so it inherits nothing
            PaymentGateway proxy = (PaymentGateway) Proxy.newProxyInstance(InheritanceApp.class.getClassLoader(),
                    new Class<?>[] {PaymentGateway.class}, (p, method, arguments) -> card.charge((Integer) arguments[0]));
            proxy.charge(5);
        }
        new RecursiveCountdown().from(3);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
