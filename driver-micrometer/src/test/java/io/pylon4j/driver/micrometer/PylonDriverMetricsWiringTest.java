package io.pylon4j.driver.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.DriverCounters;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** Every counter of {@link DriverCounters} has exactly one meter, reading that counter and no other. */
class PylonDriverMetricsWiringTest {

    /** Counters with distinct values 1, 2, 3, … in component order, so a meter reading the wrong one shows. */
    static DriverCounters distinct() throws Exception {
        RecordComponent[] components = DriverCounters.class.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = LongStream.rangeClosed(1, components.length).boxed().toArray();
        return DriverCounters.class.getDeclaredConstructor(types).newInstance(values);
    }

    static long value(DriverCounters counters, RecordComponent rc) {
        try {
            return (long) rc.getAccessor().invoke(counters);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void oneMeterPerCounterInOrderReadingThatCounter() throws Exception {
        RecordComponent[] components = DriverCounters.class.getRecordComponents();
        List<PylonDriverMetrics.CounterMeter> all = new ArrayList<>(PylonDriverMetrics.COUNTERS);
        all.addAll(PylonDriverMetrics.GAUGES); // the gauges come last, as in DriverCounters
        assertThat(all).extracting(PylonDriverMetrics.CounterMeter::component)
                .containsExactly(Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new));
        DriverCounters c = distinct();
        for (int i = 0; i < components.length; i++) {
            PylonDriverMetrics.CounterMeter meter = all.get(i);
            assertThat(meter.value().applyAsLong(c)).as(meter.name()).isEqualTo(value(c, components[i]));
        }
    }

    @Test
    void meterNamesAreUniqueAndUnderThePylon4jPrefix() {
        List<PylonDriverMetrics.CounterMeter> all = new ArrayList<>(PylonDriverMetrics.COUNTERS);
        all.addAll(PylonDriverMetrics.GAUGES);
        assertThat(all).extracting(PylonDriverMetrics.CounterMeter::name)
                .doesNotHaveDuplicates().allMatch(n -> n.startsWith("pylon4j."));
    }
}
