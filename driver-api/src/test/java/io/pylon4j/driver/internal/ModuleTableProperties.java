package io.pylon4j.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.Source;
import io.pylon4j.transport.time.Moment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link ModuleTable#merge} decides "nothing changed" field by field, without building the merged record: it must
 * say exactly what {@link ModuleDetails#mergedWith} followed by {@code equals} says, for every component, list kind
 * (the driver's primitive-backed lists and any other) and value, {@code -0.0} and NaN included. The generator calls
 * the canonical constructor, so a component added to {@link ModuleDetails} stops this test from compiling until it
 * is generated here, and then fails until {@code ModuleTable.changesNothing} compares it.
 */
class ModuleTableProperties {

    private static final Moment AT = Moment.ofInstant(Instant.parse("2026-12-08T00:00:00Z"));

    @Property
    void mergeFindsAChangeExactlyWhenMergedWithGivesOtherDetails(@ForAll("details") ModuleDetails old,
                                                                 @ForAll("details") ModuleDetails newer) {
        ModuleTable table = new ModuleTable();
        table.merge(Source.RS485, old, AT);

        ModuleDetails merged = table.merge(Source.RS485, newer, AT.plus(Duration.ofSeconds(1)));

        ModuleDetails expected = old.mergedWith(newer);
        if (expected.equals(old)) {
            assertThat(merged).as("nothing changed: merge returns null").isNull();
        } else {
            assertThat(merged).as("a change: merge returns the merged details").isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<ModuleDetails> details() {
        Arbitrary<List<Double>> lists = Arbitraries.<List<Double>>of(List.of(), List.of(3.3, 3.4), List.of(3.3, 3.5),
                List.of(-0.0), List.of(0.0), List.of(Double.NaN))
                .flatMap(values -> Arbitraries.of(values, PrimitiveLists.adoptDoubles(
                        values.stream().mapToDouble(Double::doubleValue).toArray())));
        Arbitrary<OptionalDouble> doubles = Arbitraries.of(OptionalDouble.empty(), OptionalDouble.of(1.0),
                OptionalDouble.of(2.0), OptionalDouble.of(-0.0), OptionalDouble.of(0.0),
                OptionalDouble.of(Double.NaN));
        Arbitrary<OptionalInt> ints = Arbitraries.of(OptionalInt.empty(), OptionalInt.of(1), OptionalInt.of(2));
        Arbitrary<Optional<String>> strings = Arbitraries.of(Optional.empty(), Optional.of("a"), Optional.of("b"));
        Arbitrary<OptionalDouble[]> eightDoubles = doubles.array(OptionalDouble[].class).ofSize(8);
        return Combinators.combine(lists, lists, eightDoubles, ints, strings.list().ofSize(3))
                .as((cells, temperatures, d, cycles, s) -> new ModuleDetails(2, cells, temperatures, d[0], d[1],
                        d[2], d[3], cycles, s.get(0), s.get(1), s.get(2), d[4], d[5], d[6], d[7]));
    }
}
