package io.pylon4j.driver;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** An executor whose tasks run only when a test runs them, on the test's thread. */
public final class ManualExecutor implements Executor {

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
    public boolean runNext() {
        Runnable t = tasks.pollFirst();
        if (t == null) {
            return false;
        }
        t.run();
        return true;
    }

    /** Runs tasks (including those they submit) until none is left; returns how many ran. */
    public int runAll() {
        int n = 0;
        while (runNext()) {
            n++;
        }
        return n;
    }

    public int pending() {
        return tasks.size();
    }

    public void rejecting(boolean value) {
        rejecting = value;
    }
}
