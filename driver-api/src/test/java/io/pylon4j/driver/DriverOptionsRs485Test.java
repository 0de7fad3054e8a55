package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RS485 group options: one group by default, several behind an LV-Hub, validated with a specific message. */
class DriverOptionsRs485Test {

    @Test
    void oneGroupZeroByDefaultAndRs485GroupStillSetsASingleGroup() {
        DriverOptions d = DriverOptions.defaults("b");
        assertThat(d.rs485Group()).isZero();
        assertThat(d.rs485Groups()).containsExactly(0);
        assertThat(d.rs485PerModuleLimits()).isFalse();
        DriverOptions three = DriverOptions.builder("b").rs485Group(3).build();
        assertThat(three.rs485Groups()).containsExactly(3);
    }

    @Test
    void severalGroupsKeepTheirOrderTheFirstIsTheGroupAndSurviveToBuilder() {
        List<Integer> groups = new ArrayList<>(List.of(2, 1, 3));
        DriverOptions d = DriverOptions.builder("b").rs485Groups(groups).rs485PerModuleLimits(true).build();
        groups.clear(); // a copy was taken
        assertThat(d.rs485Groups()).containsExactly(2, 1, 3);
        assertThat(d.rs485Group()).isEqualTo(2);
        DriverOptions again = d.toBuilder().build();
        assertThat(again).isEqualTo(d);
        assertThat(d.toBuilder().rs485Group(5).build().rs485Groups()).containsExactly(5);
    }

    @Test
    void badGroupsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> DriverOptions.builder("b").rs485Groups(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one group");
        assertThatThrownBy(() -> DriverOptions.builder("b").rs485Groups(List.of(1, 8)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..7").hasMessageContaining("8");
        assertThatThrownBy(() -> DriverOptions.builder("b").rs485Groups(List.of(1, 2, 1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct");
        assertThatThrownBy(() -> DriverOptions.builder("b").build().toBuilder().build()
                .toBuilder().rs485Groups(List.of(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..7");
    }
}
