package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.SuperMethodCall;
import net.bytebuddy.implementation.attribute.MethodAttributeAppender;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * A generated subclass that copies the annotations and calls {@code super}, as Hibernate, Quarkus,
 * Micronaut and hand-made proxies do with Byte Buddy: a call through it is one call.
 */
public class ProxiedApp {

    @Counted
    @Timed
    public int book(int seat) {
        return seat;
    }

    public static void main(String[] args) throws Exception {
        Class<? extends ProxiedApp> proxyType = new ByteBuddy().subclass(ProxiedApp.class)
                .method(ElementMatchers.named("book")).intercept(SuperMethodCall.INSTANCE)
                .attribute(MethodAttributeAppender.ForInstrumentedMethod.INCLUDING_RECEIVER)
                .make().load(ProxiedApp.class.getClassLoader()).getLoaded();
        ProxiedApp proxy = proxyType.getDeclaredConstructor().newInstance();
        for (int i = 0; i < 9; i++) {
            proxy.book(i);
        }
        System.err.println("proxy " + proxyType.getName());
    }
}
