package io.pylon4j.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.driver.FieldStamp;
import io.pylon4j.driver.ModuleAlarmStates;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.Source;
import io.pylon4j.driver.internal.Rs485ReplyMapper.AlarmStatesInput;
import io.pylon4j.driver.internal.Rs485ReplyMapper.Input;
import io.pylon4j.driver.internal.Rs485ReplyMapper.ModuleInput;
import io.pylon4j.rs485.AlarmInfo;
import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.InfoFlag;
import io.pylon4j.rs485.ModuleAlarm;
import io.pylon4j.transport.time.Moment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ListIterator;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The lists a reply's cells, temperatures and state bytes become ({@link PrimitiveLists}) read exactly as the
 * {@link List#copyOf} lists that {@link ModuleDetails} and {@link ModuleAlarmStates} held before: same equality,
 * hash, text, order, and every mutator refused, even one that would change nothing.
 */
class PrimitiveListsTest {

    static final double[] CELLS = {3.305, 3.306, 3.301, 3.3, -0.0, 0.0};
    static final int[] STATES = {0, 1, 2, 0xF0, 0};

    static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    @Test
    void doublesReadAsListCopyOfDoes() {
        List<Double> ours = PrimitiveLists.adoptDoubles(CELLS.clone());
        List<Double> jdk = List.copyOf(boxed(CELLS));
        assertThat(ours).isEqualTo(jdk).containsExactlyElementsOf(jdk).hasSameHashCodeAs(jdk);
        assertThat(jdk).isEqualTo(ours);
        assertThat(ours).hasToString(jdk.toString());
        assertThat(ours.indexOf(0.0)).isEqualTo(jdk.indexOf(0.0)).isEqualTo(5); // -0.0 is not 0.0, as Double.equals
        assertThat(ours.lastIndexOf(3.3)).isEqualTo(jdk.lastIndexOf(3.3));
        assertThat(ours.contains(3)).isEqualTo(jdk.contains(3)).isFalse(); // an Integer is not a Double
        assertThat(ours.subList(1, 3)).isEqualTo(jdk.subList(1, 3));
        assertThat(ours).isNotEqualTo(PrimitiveLists.adoptDoubles(new double[] {3.305}));
        assertThat(PrimitiveLists.adoptDoubles(new double[] {Double.NaN}))
                .isEqualTo(List.of(Double.NaN)).hasSameHashCodeAs(List.of(Double.NaN));
        sameFailures(ours, jdk, 1.0);
    }

    @Test
    void intsReadAsListCopyOfDoes() {
        List<Integer> ours = PrimitiveLists.adoptInts(STATES.clone());
        List<Integer> jdk = List.copyOf(Arrays.stream(STATES).boxed().toList());
        assertThat(ours).isEqualTo(jdk).containsExactlyElementsOf(jdk).hasSameHashCodeAs(jdk).hasToString(
                jdk.toString());
        assertThat(jdk).isEqualTo(ours);
        assertThat(ours.lastIndexOf(0)).isEqualTo(jdk.lastIndexOf(0)).isEqualTo(4);
        assertThat(ours.contains(1.0)).isEqualTo(jdk.contains(1.0)).isFalse();
        sameFailures(ours, jdk, 7);
    }

    @Test
    void emptyArraysAreTheJdksEmptyList() {
        assertThat(PrimitiveLists.adoptDoubles(new double[0])).isSameAs(List.of());
        assertThat(PrimitiveLists.adoptInts(new int[0])).isSameAs(List.of());
    }

    @Test
    void aListMadeHereIsTakenAsItIsAndAnyOtherIsCopied() {
        List<Double> ours = PrimitiveLists.adoptDoubles(CELLS.clone());
        assertThat(PrimitiveLists.frozenDoubles(ours)).isSameAs(ours);
        List<Double> mutable = new ArrayList<>(boxed(CELLS));
        List<Double> copy = PrimitiveLists.frozenDoubles(mutable);
        mutable.set(0, 9.9);
        assertThat(copy).first().isEqualTo(3.305);
        assertThatThrownBy(() -> PrimitiveLists.frozenDoubles(Arrays.asList(1.0, null)))
                .isInstanceOf(NullPointerException.class);
        List<Integer> ints = PrimitiveLists.adoptInts(STATES.clone());
        assertThat(PrimitiveLists.frozenInts(ints)).isSameAs(ints);
        assertThat(PrimitiveLists.firstNonByte(ints)).isEqualTo(-1);
        assertThat(PrimitiveLists.firstNonByte(PrimitiveLists.adoptInts(new int[] {0, 256}))).isEqualTo(1);
        assertThat(PrimitiveLists.firstNonByte(List.of(0, -1))).isEqualTo(1);
    }

    @Test
    void aModulesDetailsFromA0x42ReplyHoldTheRepliesValuesAndStillCheckBytes() {
        AnalogValues a = Rs485GroupAggregatorTest.stack(1, Rs485GroupAggregatorTest.module(52.0, 5.0, 37.0, 74.0,
                21));
        ModuleDetails d = ((ModuleInput) Rs485ReplyMapper.map(a, Rs485ReplyMapperTest.BOUNDS).get(0)).details();
        assertThat(d.cellVoltagesVolts()).isEqualTo(boxed(a.modules().get(0).cellVoltagesVolts()));
        assertThat(d.temperaturesCelsius()).isEqualTo(boxed(a.modules().get(0).temperaturesCelsius()));
        ModuleDetails rebuilt = ModuleDetails.builder(d.address()).cellVoltagesVolts(new ArrayList<>(
                d.cellVoltagesVolts())).temperaturesCelsius(List.copyOf(d.temperaturesCelsius()))
                .currentAmps(d.currentAmps().getAsDouble()).voltageVolts(d.voltageVolts().getAsDouble())
                .remainingCapacityAh(d.remainingCapacityAh().getAsDouble())
                .totalCapacityAh(d.totalCapacityAh().getAsDouble()).cycles(d.cycles().getAsInt()).build();
        assertThat(rebuilt).isEqualTo(d).hasSameHashCodeAs(d).hasToString(d.toString());

        int[] cells = {0, 0, 2};
        ModuleAlarm block = new ModuleAlarm(cells, new int[] {0, 1}, 0, 0, 0, 0, 0, 0, 0, 0);
        List<Input> in = Rs485ReplyMapper.map(new AlarmInfo(2, InfoFlag.of(0), 0xFF, List.of(block)),
                Rs485ReplyMapperTest.BOUNDS);
        ModuleAlarmStates states = ((AlarmStatesInput) in.get(1)).states(new FieldStamp(Moment.ofInstant(java.time.Instant.EPOCH),
                Source.RS485));
        assertThat(states.cellStates()).isEqualTo(List.of(0, 0, 2));
        assertThat(states.temperatureStates()).isEqualTo(List.of(0, 1));
        assertThat(states).isEqualTo(new ModuleAlarmStates(2, List.of(0, 0, 2), List.of(0, 1), 0, 0, 0, 0, 0, 0, 0,
                0, states.stamp()));
        assertThatThrownBy(() -> new ModuleAlarmStates(2, PrimitiveLists.adoptInts(new int[] {0, 300}), List.of(),
                0, 0, 0, 0, 0, 0, 0, 0, states.stamp())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cellStates must be 0 to 255: 300");
    }

    /** Every mutator, with arguments that would change nothing, fails as on {@code jdk}; so does a null lookup. */
    private static <E> void sameFailures(List<E> ours, List<E> jdk, E element) {
        List<Consumer<List<E>>> calls = List.of(
                l -> l.add(element), l -> l.add(0, element), l -> l.addAll(List.of()), l -> l.addAll(0, List.of()),
                l -> l.set(0, l.get(0)), l -> l.remove(0), l -> l.remove(element), l -> l.removeAll(List.of()),
                l -> l.retainAll(l), l -> l.removeIf(e -> false), l -> l.replaceAll(e -> e), l -> l.sort(null),
                List::clear, l -> l.subList(0, 1).clear(), l -> {
                    ListIterator<E> it = l.listIterator();
                    it.next();
                    it.remove();
                },
                l -> l.contains(null), l -> l.indexOf(null), l -> l.lastIndexOf(null), l -> l.get(-1),
                l -> l.get(l.size()));
        for (int i = 0; i < calls.size(); i++) {
            Consumer<List<E>> call = calls.get(i);
            Class<? extends Throwable> expected = thrownBy(() -> call.accept(jdk));
            assertThat(expected).as("List.copyOf's list, call %d", i).isNotNull();
            assertThat(thrownBy(() -> call.accept(ours))).as("call %d", i).isNotNull().satisfies(t ->
                    assertThat(expected.isAssignableFrom(t) || t.isAssignableFrom(expected)
                            || IndexOutOfBoundsException.class.isAssignableFrom(t)
                            && IndexOutOfBoundsException.class.isAssignableFrom(expected)).isTrue());
        }
    }

    private static Class<? extends Throwable> thrownBy(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
