package io.pylon4j.driver.internal;

import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.time.Scheduler;
import java.time.Duration;

/**
 * Where and when an {@link Rs485Strategy}'s timed work runs: its poll cycles and response timeouts.
 *
 * <p>Each cycle's first request is written from a timer, and a write from outside the transport's I/O thread wakes
 * that thread; with 1,000 banks that was a timer wake-up and an I/O wake-up per bank and second (benchmarks/README.md,
 * "Scale"). So when the caller's scheduler runs on the system clock and the transport offers its I/O thread's
 * scheduler ({@link ByteStreamTransport#ioScheduler()}), the timed work runs there instead: the same clock, so
 * nothing runs at another time, only on another thread. On a virtual clock (a test's {@code ManualScheduler}) it stays
 * on the caller's scheduler, whose clock the test moves.
 *
 * <p>On the system clock, cycles start on a grid of {@link #CYCLE_TICK}: banks whose cycles fall due within one tick
 * start together from one wake-up (a fixed-rate task keeps its phase), yet 1,000 banks started over a second are
 * still spread over a hundred ticks, which the battery side and the event thread prefer to one burst.
 */
final class Rs485Timing {

    /** The grid of {@link System#nanoTime()} that cycle starts are aligned to on the system clock. */
    static final Duration CYCLE_TICK = Duration.ofMillis(10);

    private Rs485Timing() {
    }

    /**
     * The scheduler of a strategy's cycles and timeouts.
     *
     * @param callers   the scheduler the driver was given (or its own)
     * @param transport the RS485 link, opened
     * @return the transport's I/O scheduler when {@code callers} is on the system clock and there is one, else
     *         {@code callers}
     */
    static Scheduler timers(Scheduler callers, ByteStreamTransport transport) {
        return callers.onSystemClock() ? transport.ioScheduler().orElse(callers) : callers;
    }

    /**
     * The wait before a strategy's first cycle on {@code timers}.
     *
     * @param timers where the cycles run
     * @return on the system clock, the time to the next {@link #CYCLE_TICK} of {@link System#nanoTime()}; zero on any
     *         other clock (a test's first cycle starts when it starts the driver)
     */
    static Duration firstCycleDelay(Scheduler timers) {
        return timers.onSystemClock() ? toNextTick(System.nanoTime(), CYCLE_TICK) : Duration.ZERO;
    }

    /**
     * The wait from {@code nowNanos} to the next multiple of {@code tick}.
     *
     * @param nowNanos a clock reading
     * @param tick     the grid, positive
     * @return zero on the grid, else less than one tick
     */
    static Duration toNextTick(long nowNanos, Duration tick) {
        long past = Math.floorMod(nowNanos, tick.toNanos());
        return past == 0 ? Duration.ZERO : Duration.ofNanos(tick.toNanos() - past);
    }
}
