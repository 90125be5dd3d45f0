package io.emfagent.it.app;

import io.emfagent.annotations.Counted;
import io.emfagent.annotations.Timed;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.Disposable;
import java.util.concurrent.TimeUnit;

/** RxJava 3 results, each ending about 50 ms after the call: counted once, at the end. */
public final class RxApp {

    static final int CALLS = 10;

    @Counted("single")
    @Timed("single")
    static Single<String> failingSingle() {
        return Single.timer(50, TimeUnit.MILLISECONDS).flatMap(t -> Single.error(new IllegalStateException("late")));
    }

    @Counted("observable")
    @Timed("observable")
    static Observable<Long> observable() {
        return Observable.interval(20, TimeUnit.MILLISECONDS).take(3);
    }

    @Counted("flowable")
    @Timed("flowable")
    static Flowable<Long> flowable() {
        return Flowable.timer(50, TimeUnit.MILLISECONDS);
    }

    @Counted("completable")
    @Timed("completable")
    static Completable completable() {
        return Completable.timer(50, TimeUnit.MILLISECONDS);
    }

    @Counted("maybe")
    static Maybe<String> emptyMaybe() {
        return Maybe.empty();
    }

    @Counted("disposed")
    static Single<Long> disposed() {
        return Single.timer(30, TimeUnit.SECONDS);
    }

    @Counted("unsubscribed")
    static Single<String> unsubscribed() {
        return Single.just("never");
    }

    public static void main(String[] args) {
        for (int i = 0; i < CALLS; i++) {
            failingSingle().onErrorReturnItem("recovered").blockingGet();
            observable().blockingLast();
            flowable().blockingLast(); // blockingFirst() would cancel after the first item: a cancellation
            completable().blockingAwait();
            emptyMaybe().blockingGet();
            Disposable subscription = disposed().subscribe();
            subscription.dispose();
            unsubscribed();
        }
        System.err.println("done");
    }
}
