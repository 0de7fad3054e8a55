package io.pylon4j.transport.socketcan;

import static io.pylon4j.transport.socketcan.KernelFilters.CAN_EFF_FLAG;
import static io.pylon4j.transport.socketcan.KernelFilters.CAN_ERR_FLAG;
import static io.pylon4j.transport.socketcan.KernelFilters.CAN_RTR_FLAG;
import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.transport.CanIdFilter;
import io.pylon4j.transport.socketcan.KernelFilters.IdMask;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Translation of {@link CanIdFilter} into {@code CAN_RAW_FILTER} entries, checked by the kernel's match rule. */
class KernelFiltersTest {

    private static final int STD_DATA = CAN_EFF_FLAG | CAN_RTR_FLAG;

    @Test
    void allIsEveryStandardDataFrameAndNothingElse() {
        List<IdMask> filters = KernelFilters.translate(CanIdFilter.ALL);
        assertThat(filters).containsExactly(new IdMask(0, STD_DATA));
        assertThat(passes(filters, 0x000)).isTrue();
        assertThat(passes(filters, 0x7FF)).isTrue();
        assertThat(passes(filters, 0x351 | CAN_EFF_FLAG)).isFalse();
        assertThat(passes(filters, 0x351 | CAN_RTR_FLAG)).isFalse();
    }

    @Test
    void oneIdIsOneExactEntry() {
        assertThat(KernelFilters.translate(CanIdFilter.of(0x351))).containsExactly(new IdMask(0x351, STD_DATA | 0x7FF));
    }

    @Test
    void anAlignedRangeIsOneEntry() {
        int[] ids = IntStream.rangeClosed(0x350, 0x35F).toArray();
        assertThat(KernelFilters.translate(CanIdFilter.of(ids))).containsExactly(new IdMask(0x350, STD_DATA | 0x7F0));
    }

    @Test
    void thePylontechFramesOfAnInverterTakeFewEntriesAndPassExactlyThem() {
        CanIdFilter filter = CanIdFilter.of(0x351, 0x355, 0x356, 0x359, 0x35C, 0x35E, 0x35F, 0x35A);
        List<IdMask> filters = KernelFilters.translate(filter);
        assertThat(filters).containsExactly(
                new IdMask(0x351, STD_DATA | 0x7FF),
                new IdMask(0x355, STD_DATA | 0x7FF),
                new IdMask(0x356, STD_DATA | 0x7FF),
                new IdMask(0x359, STD_DATA | 0x7FF),
                new IdMask(0x35A, STD_DATA | 0x7FF),
                new IdMask(0x35C, STD_DATA | 0x7FF),
                new IdMask(0x35E, STD_DATA | 0x7FE));
        assertPassesExactly(filters, filter);
    }

    @Test
    void noIdsIsNoEntryWhichMakesTheKernelPassNothing() {
        assertThat(KernelFilters.translate(CanIdFilter.of())).isEmpty();
    }

    @Test
    void tooManyEntriesFallsBackToAllStandardDataFrames() {
        int[] even = IntStream.iterate(0, id -> id <= 0x7FF, id -> id + 2).toArray(); // 1024 single ids
        assertThat(KernelFilters.translate(CanIdFilter.of(even))).isEqualTo(KernelFilters.ALL_STANDARD_DATA_FRAMES);
    }

    @Test
    void randomSetsPassExactlyTheirIdsWithinTheKernelLimit() {
        SplittableRandom random = new SplittableRandom(20251124);
        for (int round = 0; round < 100; round++) {
            int density = 1 + random.nextInt(100);
            int[] ids = IntStream.rangeClosed(0, 0x7FF).filter(id -> random.nextInt(100) < density).toArray();
            CanIdFilter filter = CanIdFilter.of(ids);
            List<IdMask> filters = KernelFilters.translate(filter);
            assertThat(filters.size()).isLessThanOrEqualTo(KernelFilters.MAX_FILTERS);
            if (!filters.equals(KernelFilters.ALL_STANDARD_DATA_FRAMES)) {
                assertPassesExactly(filters, filter);
            }
        }
    }

    @Test
    void errorFramesAreNeverMatchedByDataFilters() {
        // the kernel routes frames with CAN_ERR_FLAG by the error mask, not by these filters; still, no entry
        // should look like it wants them
        assertThat(KernelFilters.translate(CanIdFilter.ALL)).allSatisfy(f -> assertThat(f.id() & CAN_ERR_FLAG).isZero());
    }

    private static void assertPassesExactly(List<IdMask> filters, CanIdFilter filter) {
        for (int id = 0; id <= 0x7FF; id++) {
            assertThat(passes(filters, id)).as("id 0x%03X", id).isEqualTo(filter.accepts(id));
            assertThat(passes(filters, id | CAN_EFF_FLAG)).as("extended 0x%03X", id).isFalse();
            assertThat(passes(filters, id | CAN_RTR_FLAG)).as("remote 0x%03X", id).isFalse();
        }
    }

    private static boolean passes(List<IdMask> filters, int canId) {
        return filters.stream().anyMatch(f -> f.passes(canId));
    }
}
