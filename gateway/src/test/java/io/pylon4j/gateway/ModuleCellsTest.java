package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.ModuleDetails;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Cell extremes and the serial number from module details: only what the details hold. */
class ModuleCellsTest {

    @Test
    void onlyTheCellGroupSensorsCountAsCellTemperaturesNotTheBoardOrTheMosfet() {
        ModuleDetails m = ModuleDetails.builder(2).cellVoltagesVolts(List.of(3.30, 3.28, 3.35))
                .temperaturesCelsius(List.of(80.0, 21.0, 22.5, 20.5, 23.0, 90.0)).build();

        CellReport r = ModuleCells.extremes(List.of(m)).orElseThrow();

        assertThat(r.minCellVolts()).isEqualTo(3.28);
        assertThat(r.maxCellVolts()).isEqualTo(3.35);
        assertThat(r.minVoltageCell()).hasValue("M02C2");
        assertThat(r.maxVoltageCell()).hasValue("M02C3");
        assertThat(r.minCellCelsius()).isEqualTo(OptionalDouble.of(20.5));
        assertThat(r.maxCellCelsius()).isEqualTo(OptionalDouble.of(23.0));
        assertThat(r.minTemperatureCell()).hasValue("M02T3");
        assertThat(r.maxTemperatureCell()).hasValue("M02T4");
    }

    @Test
    void aModuleWithOnlyItsBoardSensorGivesVoltagesWithoutTemperatures() {
        ModuleDetails m = ModuleDetails.builder(3).cellVoltagesVolts(List.of(3.30)).temperaturesCelsius(List.of(25.0))
                .build();

        CellReport r = ModuleCells.extremes(List.of(m)).orElseThrow();

        assertThat(r.minCellCelsius()).isEmpty();
        assertThat(r.minTemperatureCell()).isEmpty();
        assertThat(r.minVoltageCell()).hasValue("M03C1");
    }

    @Test
    void modulesWithoutCellVoltagesGiveNoReportAndNoSerialGivesNone() {
        ModuleDetails m = ModuleDetails.builder(2).temperaturesCelsius(List.of(25.0, 21.0)).build();

        assertThat(ModuleCells.extremes(List.of(m))).isEmpty();
        assertThat(ModuleCells.extremes(List.of())).isEmpty();
        assertThat(ModuleCells.serialNumber(List.of(m))).isEmpty();
    }

    @Test
    void theSerialIsTheFirstModulesTrimmedOfItsPadding() {
        ModuleDetails master = ModuleDetails.builder(2).serialNumber("PPTBH0212\0\0\0\0\0\0\0").build();
        ModuleDetails slave = ModuleDetails.builder(3).serialNumber("OTHER").build();

        assertThat(ModuleCells.serialNumber(List.of(master, slave))).isEqualTo(Optional.of("PPTBH0212"));
    }
}
