package io.emfagent.it.app

import io.emfagent.annotations.Counted
import io.emfagent.annotations.Timed
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.delay
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlin.jvm.functions.Function0

/** Kotlin shapes, each called a known number of times: suspend functions and compiler forwarders. */
class Bookings {

    /** Suspends once for 50 ms: one call, one resumption. */
    @Counted("suspending") @Timed("suspending")
    suspend fun book(fail: Boolean): String {
        delay(50)
        if (fail) throw IllegalStateException("declined")
        return "booked"
    }

    /** A tail call: no state machine of its own, the callee gets its continuation. */
    @Counted("tail") @Timed("tail")
    suspend fun tail(): String = fetch()

    private suspend fun fetch(): String {
        delay(50)
        return "fetched"
    }

    /** Never suspends: returns its result directly. */
    @Counted("immediate") @Timed("immediate")
    suspend fun immediate(n: Int): Int = if (n < 0) throw IllegalArgumentException("negative") else n * 2

    /** Suspends several times on other threads. */
    @Counted("many") @Timed("many")
    suspend fun many(): Int {
        var total = 0
        repeat(5) {
            delay(10)
            total += it
        }
        return total
    }

    @Counted("cancelled")
    suspend fun slow() {
        delay(10_000)
    }

    /** Real recursion through suspensions: countdown(3) is four calls. */
    @Counted("recursive")
    suspend fun countdown(n: Int): Int {
        delay(1)
        return if (n == 0) 0 else countdown(n - 1) + 1
    }

    /** Kotlin copies the annotations to the overloads it generates, which call this method. */
    @JvmOverloads
    @Counted("overloads")
    fun overloads(text: String, times: Int = 1, suffix: String = "!"): String = text.repeat(times) + suffix

    /** Its body is copied into every Kotlin caller: the method itself never runs from Kotlin. */
    @Counted("inlined")
    inline fun quote(price: () -> Int): Int = price() * 2

    /** Not inline: it calls the standard library's inline map, whose copy is named after it. */
    @Counted("mapped")
    fun map(prices: List<Int>): List<Int> = prices.map { it * 2 }

    companion object {
        /** Kotlin copies the annotation to a static forwarder in the outer class. */
        @JvmStatic
        @Counted("companion")
        fun fromCompanion(n: Int): Int = n + 1

        /** No family name: named after the outer class, not "Companion". */
        @JvmStatic
        @Counted
        fun unnamed(): Int = 1
    }
}

fun main() = runBlocking {
    val bookings = Bookings()
    repeat(N) { bookings.book(false) }
    repeat(N) {
        try {
            bookings.book(true)
        } catch (expected: IllegalStateException) {
        }
    }
    repeat(N) { bookings.tail() }
    repeat(N) { bookings.immediate(it) }
    try {
        bookings.immediate(-1)
    } catch (expected: IllegalArgumentException) {
    }
    // many at once on the default dispatcher: resumptions on other threads, while others enter
    (1..PARALLEL).map { async(Dispatchers.Default) { bookings.many() } }.awaitAll()
    repeat(N) {
        val job = launch(Dispatchers.Default) { bookings.slow() }
        delay(20)
        job.cancelAndJoin()
    }
    bookings.countdown(3)
    repeat(N) { bookings.overloads("a") }
    repeat(N) { bookings.overloads("a", 2) }
    repeat(N) { bookings.overloads("a", 2, "?") }
    repeat(N) { Bookings.fromCompanion(it) }
    repeat(N) { Bookings.unnamed() }
    repeat(N) { bookings.quote { 21 } }
    repeat(N) { bookings.map(listOf(1, 2)) }
    // as Java code calls them: through the overloads and the static forwarders Kotlin generates
    val java = Bookings::class.java
    val int = Int::class.javaPrimitiveType
    repeat(N) { java.getMethod("overloads", String::class.java).invoke(bookings, "a") }
    repeat(N) { java.getMethod("overloads", String::class.java, int).invoke(bookings, "a", 2) }
    repeat(N) { java.getMethod("fromCompanion", int).invoke(null, it) }
    repeat(N) { java.getMethod("unnamed").invoke(null) }
    val price: () -> Int = { 21 }
    repeat(N) { java.getMethod("quote", Function0::class.java).invoke(bookings, price) }
    println("done")
}

const val N = 10
const val PARALLEL = 200
