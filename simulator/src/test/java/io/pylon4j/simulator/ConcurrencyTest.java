package io.pylon4j.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Front ends read snapshots from their own threads while a test changes the bank: every snapshot a reader sees must
 * be whole (its aggregates agree with its modules). No sleeps: the readers stop when the writer is done.
 */
class ConcurrencyTest {

    @Test
    void readersOnOtherThreadsAlwaysSeeConsistentSnapshots() throws Exception {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.US3000C).modulesPerGroup(8).stateOfCharge(60).build();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int seen = 0;
                    while (!done.get() || seen == 0) {
                        BankSnapshot s = bank.snapshot();
                        List<ModuleSnapshot> online = s.modules().stream().filter(ModuleSnapshot::online).toList();
                        int minCcl = online.stream().mapToInt(m -> m.limits().chargeCurrentDeciAmps()).min()
                                .orElse(0);
                        assertThat(s.limits().chargeCurrentDeciAmps()).isEqualTo(minCcl * online.size());
                        assertThat(s.currentDeciAmps())
                                .isEqualTo(online.stream().mapToInt(ModuleSnapshot::currentDeciAmps).sum());
                        seen++;
                    }
                    return seen;
                }));
            }
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 2000; i++) {
                    ModuleId id = ModuleId.of(0, i % 8);
                    bank.setModuleOnline(id, i % 3 != 0);
                    bank.setCurrent((i % 7) * 10 - 30);
                    bank.advance(Duration.ofSeconds(30));
                    if (i % 5 == 0) {
                        bank.updateFaults(f -> f.withNoiseBytes(f.noiseBytes() == 0 ? 3 : 0));
                    }
                }
            }, pool).whenComplete((v, e) -> done.set(true));
            writer.get(60, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
