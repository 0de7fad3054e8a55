package io.pylon4j.simulator;

import static io.pylon4j.simulator.Banks.M0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Snapshots are immutable values: defensive copies in, unmodifiable views out, invalid contents rejected. */
class SnapshotTest {

    private final BankSnapshot bank = Banks.us3000c(2, 50).snapshot();
    private final ModuleSnapshot module = bank.module(M0);

    @Test
    void collectionsCannotBeModified() {
        assertThatThrownBy(() -> bank.modules().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> bank.protections().add(Protection.SYSTEM_ERROR))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> bank.alarms().add(Alarm.CHARGE_HIGH_CURRENT))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> module.cellVoltagesMillivolts().set(0, 4200))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> module.temperaturesDeciCelsius().set(0, 999))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> module.cellTemperaturesDeciCelsius().set(0, 999))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> module.limitStates().cellVoltages().set(0, LimitState.OTHER_ERROR))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> bank.group(0).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructorsCopyTheirCollections() {
        List<Integer> cells = new ArrayList<>(module.cellVoltagesMillivolts());
        Set<Protection> protections = EnumSet.of(Protection.SYSTEM_ERROR);
        ModuleSnapshot copy = withCellsAndProtections(cells, protections);
        cells.set(0, 4200);
        protections.add(Protection.CHARGE_OVER_CURRENT);
        assertThat(copy.cellVoltagesMillivolts().get(0)).isEqualTo(3285);
        assertThat(copy.protections()).containsExactly(Protection.SYSTEM_ERROR);

        List<ModuleSnapshot> modules = new ArrayList<>(bank.modules());
        BankSnapshot copyOfBank = new BankSnapshot(bank.time(), bank.preset(), 2, bank.limits(),
                bank.stateOfChargePercent(), bank.stateOfHealthPercent(), bank.voltageMillivolts(),
                bank.currentDeciAmps(), bank.averageTemperatureDeciCelsius(), bank.protections(), bank.alarms(),
                bank.requests(), modules);
        modules.clear();
        assertThat(copyOfBank.modules()).hasSize(2);
        assertThat(copyOfBank).isEqualTo(bank);
    }

    @Test
    void flagSetsIterateInEnumOrder() {
        ModuleSnapshot m = withCellsAndProtections(module.cellVoltagesMillivolts(),
                Set.of(Protection.SYSTEM_ERROR, Protection.CELL_OR_MODULE_OVER_VOLTAGE, Protection.CHARGE_OVER_CURRENT));
        assertThat(m.protections()).containsExactly(Protection.CELL_OR_MODULE_OVER_VOLTAGE,
                Protection.CHARGE_OVER_CURRENT, Protection.SYSTEM_ERROR);
    }

    @Test
    void publishedSnapshotsDoNotChangeWhenTheBankDoes() {
        SimulatedBank live = Banks.us3000c(1, 100);
        BankSnapshot before = live.snapshot();
        live.setCurrent(-37);
        live.advance(Duration.ofHours(1));
        live.forceProtection(M0, Protection.SYSTEM_ERROR);
        assertThat(before.stateOfChargePercent()).isEqualTo(100);
        assertThat(before.protections()).isEmpty();
        assertThat(live.snapshot().stateOfChargePercent()).isEqualTo(50);
    }

    @Test
    void invalidSnapshotsAreRejected() {
        assertThatThrownBy(() -> withCellsAndProtections(List.of(), Set.of()))
                .hasMessage("g0m0: a module has 1 to 16 cells, not 0");
        assertThatThrownBy(() -> withCellsAndProtections(java.util.Arrays.asList(3300, null), Set.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("cellVoltagesMillivolts contains null");
        assertThatThrownBy(() -> new BankSnapshot(bank.time(), bank.preset(), 3, bank.limits(), 50, 100, 0, 0, 0,
                Set.of(), Set.of(), bank.requests(), bank.modules()))
                .hasMessage("modulesOnline is 3 but 2 module snapshots are online");
        assertThatThrownBy(() -> new BankSnapshot(bank.time(), bank.preset(), 2, bank.limits(), 101, 100, 0, 0, 0,
                Set.of(), Set.of(), bank.requests(), bank.modules()))
                .hasMessage("SOC 101 % and SOH 100 % must be 0 to 100");
    }

    private ModuleSnapshot withCellsAndProtections(List<Integer> cells, Set<Protection> protections) {
        List<LimitState> states = new ArrayList<>();
        cells.forEach(c -> states.add(LimitState.NORMAL));
        LimitStates limitStates = new LimitStates(states, module.limitStates().temperatures(),
                LimitState.NORMAL, LimitState.NORMAL, LimitState.NORMAL);
        return new ModuleSnapshot(module.id(), true, cells, module.temperaturesDeciCelsius(), 0,
                module.voltageMillivolts(), module.remainingCapacityMilliampHours(),
                module.totalCapacityMilliampHours(), 50, 100, 0, module.limits(), module.requests(), protections,
                Set.of(), limitStates, true, true);
    }
}
