package io.pylon4j.driver;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** An executor whose tasks run only when a test runs them, on the test's thread. */
final class ManualExecutor implements Executor {

    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean rejecting;

    @Override
    public void execute(Runnable task) {
        if (rejecting) {
            throw new RejectedExecutionException("rejecting");
        }
        tasks.addLast(task);
    }

    /** Runs the oldest task; false if there was none. */
    boolean runNext() {
        Runnable t = tasks.pollFirst();
        if (t == null) {
            return false;
        }
        t.run();
        return true;
    }

    /** Runs tasks (including those they submit) until none is left; returns how many ran. */
    int runAll() {
        int n = 0;
        while (runNext()) {
            n++;
        }
        return n;
    }

    int pending() {
        return tasks.size();
    }

    void rejecting(boolean value) {
        rejecting = value;
    }
}
