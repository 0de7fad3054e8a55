package io.pylon4j.driver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pylon4j.driver.ActiveAlarm;
import io.pylon4j.driver.Alarm;
import io.pylon4j.driver.Source;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The immutable copies a snapshot shares (two sorted arrays, a frozen enum map, a sorted alarm set made once) read as
 * the {@code TreeMap}/{@code EnumMap}/{@code TreeSet} copies they replaced: same order, lookups, equality, text, and
 * no way to change them.
 */
class ModuleMapsTest {

    @Test
    void aPerModuleMapReadsAsASortedUnmodifiableCopy() {
        Map<Integer, String> source = new HashMap<>(Map.of(18, "c", 2, "a", 3, "b"));
        Map<Integer, String> frozen = ModuleMaps.frozen(source);
        source.put(4, "changed later");

        assertThat(frozen.keySet()).containsExactly(2, 3, 18);
        assertThat(frozen).isEqualTo(new TreeMap<>(Map.of(2, "a", 3, "b", 18, "c")))
                .hasSameHashCodeAs(new TreeMap<>(Map.of(2, "a", 3, "b", 18, "c")));
        assertThat(frozen.toString()).isEqualTo("{2=a, 3=b, 18=c}");
        assertThat(frozen.get(3)).isEqualTo("b");
        assertThat(frozen.get(4)).isNull();
        assertThat(frozen.get("3")).isNull();
        assertThat(frozen.containsKey(18)).isTrue();
        assertThat(frozen.containsKey(null)).isFalse();
        assertThat(ModuleMaps.frozen(frozen)).isSameAs(frozen);
        assertThat(ModuleMaps.frozen(Map.<Integer, String>of())).isEmpty();
        assertThatThrownBy(() -> frozen.put(5, "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.entrySet().iterator().next().setValue("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.keySet().remove(2)).isInstanceOf(UnsupportedOperationException.class);
        Map<Integer, String> withNullKey = new HashMap<>();
        withNullKey.put(null, "x");
        assertThatThrownBy(() -> ModuleMaps.frozen(withNullKey)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aFrozenEnumMapIsACopyInEnumOrderThatNoOneCanChange() {
        EnumMap<Source, String> live = new EnumMap<>(Source.class);
        live.put(Source.RS485, "r");
        live.put(Source.CAN, "c");
        Map<Source, String> frozen = ModuleMaps.frozenEnum(live);
        live.clear();

        assertThat(frozen.keySet()).containsExactly(Source.CAN, Source.RS485);
        assertThat(frozen).isEqualTo(Map.of(Source.CAN, "c", Source.RS485, "r"));
        assertThat(ModuleMaps.isFrozen(frozen)).isTrue();
        assertThat(ModuleMaps.isFrozen(live)).isFalse();
        assertThatThrownBy(() -> frozen.remove(Source.CAN)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aSortedAlarmSetIsTakenAsItIsAndStaysSorted() {
        ActiveAlarm high = ActiveAlarm.of(Alarm.values()[0], Alarm.Level.ALARM);
        ActiveAlarm low = ActiveAlarm.of(Alarm.values()[0], Alarm.Level.WARNING);
        Set<ActiveAlarm> sorted = ActiveAlarm.sortedSet(List.of(high, low, high));

        assertThat(ActiveAlarm.sortedSet(sorted)).isSameAs(sorted);
        assertThat(sorted).isInstanceOf(SortedSet.class).hasSize(2).isEqualTo(Set.of(high, low));
        assertThat(((SortedSet<ActiveAlarm>) sorted).first()).isEqualTo(sorted.iterator().next());
        assertThatThrownBy(() -> sorted.add(high)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> sorted.iterator().remove()).isInstanceOf(UnsupportedOperationException.class);
    }
}
