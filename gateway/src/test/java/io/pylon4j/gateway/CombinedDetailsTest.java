package io.pylon4j.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.FieldStamp;
import io.pylon4j.driver.ModuleAlarmStates;
import io.pylon4j.driver.ModuleDetails;
import io.pylon4j.driver.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link CombinedBankSource} merges its members' module details as an LV-Hub reports its groups: member k is group
 * k, counting members only, and a member that stops counting takes its modules out in the same view.
 */
class CombinedDetailsTest {

    private static ModuleDetails module(int address, double firstCell, String serial) {
        return ModuleDetails.builder(address).cellVoltagesVolts(List.of(firstCell, 3.3, 3.31)).serialNumber(serial)
                .build();
    }

    private static ModuleAlarmStates block(int address, int status1) {
        return new ModuleAlarmStates(address, List.of(0, 0, 0), List.of(0, 0), 0, 0, 0, status1, 0x06, 0, 0, 0,
                new FieldStamp(Instant.EPOCH, Source.RS485, 0));
    }

    /** A member bank with modules at {@code addresses} (each with a 0x44 block), its bank info named {@code name}. */
    private static BankView member(String name, int... addresses) {
        Map<Integer, ModuleDetails> modules = new LinkedHashMap<>();
        Map<Integer, Duration> ages = new LinkedHashMap<>();
        Map<Integer, ModuleAlarmStates> alarms = new LinkedHashMap<>();
        for (int a : addresses) {
            modules.put(a, module(a, 3.2 + a / 1000.0, name + "-" + a));
            ages.put(a, Duration.ofSeconds(a));
            alarms.put(a, block(a, a));
        }
        return Views.fresh().withDetails(new BankDetails(modules, ages,
                Optional.of(BankInfo.ofManufacturerInfo(name, "PYLON", "1.0")), alarms));
    }

    @Test
    void eachMemberIsOneGroupOfAnLvHubWithItsModulesInTheirPositions() {
        BankView a = member("A", 2, 3, 4);
        BankView b = member("B", 2, 3);
        BankView combined = new CombinedBankSource(List.of(() -> a, () -> b), 1).view();

        BankDetails d = combined.details();
        assertThat(d.modules()).containsOnlyKeys(0x12, 0x13, 0x14, 0x22, 0x23);
        assertThat(d.modules().get(0x13).address()).isEqualTo(0x13);
        assertThat(d.modules().get(0x13).serialNumber()).hasValue("A-3");
        assertThat(d.modules().get(0x13).cellVoltagesVolts()).isEqualTo(a.details().modules().get(3)
                .cellVoltagesVolts());
        assertThat(d.modules().get(0x23).serialNumber()).hasValue("B-3");
        assertThat(d.moduleAges()).containsEntry(0x14, Duration.ofSeconds(4)).containsEntry(0x22,
                Duration.ofSeconds(2));
        assertThat(d.moduleAlarms()).containsOnlyKeys(0x12, 0x13, 0x14, 0x22, 0x23);
        assertThat(d.moduleAlarms().get(0x23).address()).isEqualTo(0x23);
        assertThat(d.moduleAlarms().get(0x23).status1()).isEqualTo(3);
        assertThat(d.bankInfo().flatMap(BankInfo::deviceName)).hasValue("A");
        assertThat(combined.serialNumber()).hasValue("A-2");
        assertThat(combined.cells()).isPresent();
    }

    @Test
    void aMemberThatStopsCountingTakesItsModulesOutAtOnce() {
        BankView a = member("A", 2, 3);
        AtomicReference<BankView> b = new AtomicReference<>(member("B", 2, 3, 4));
        CombinedBankSource source = new CombinedBankSource(List.of(() -> a, b::get), 1);
        assertThat(source.view().details().modules()).containsOnlyKeys(0x12, 0x13, 0x22, 0x23, 0x24);

        b.set(b.get().withState(SourceState.STALE, "gone"));
        BankView after = source.view();
        assertThat(after.state()).isEqualTo(SourceState.FRESH);
        assertThat(after.details().modules()).containsOnlyKeys(0x12, 0x13);
        assertThat(after.details().moduleAlarms()).containsOnlyKeys(0x12, 0x13);

        BankView implausible = member("A", 2).withState(SourceState.FRESH, "x");
        CombinedBankSource firstGone = new CombinedBankSource(List.of(
                () -> implausible.withCells(Optional.empty(), Optional.empty()).failSafe("stale"), b::get), 1);
        assertThat(firstGone.view().details()).isEqualTo(BankDetails.NONE);
    }

    @Test
    void theBankInfoIsTheFirstCountingMembersAndAMembersOtherGroupsAreLeftOut() {
        BankView noInfo = Views.fresh().withDetails(new BankDetails(Map.of(2, module(2, 3.3, "X")),
                Map.of(2, Duration.ZERO), Optional.empty()));
        BankView hub = member("H", 0x12, 0x13, 0x22); // a member that itself reads two groups of a hub
        BankView combined = new CombinedBankSource(List.of(() -> noInfo, () -> hub), 2).view();

        assertThat(combined.details().bankInfo().flatMap(BankInfo::deviceName)).hasValue("H");
        assertThat(combined.details().modules()).containsOnlyKeys(0x12, 0x22, 0x23);
        assertThat(combined.details().modules().get(0x22).serialNumber()).hasValue("H-18");
        assertThat(combined.details().moduleAlarms()).containsOnlyKeys(0x22, 0x23);
    }

    @Test
    void sixMembersFillSixGroups() {
        List<BankSource> members = new java.util.ArrayList<>();
        for (int i = 0; i < CombinedBankSource.MAX_MEMBERS; i++) {
            BankView v = member("M" + i, 2, 15);
            members.add(() -> v);
        }
        BankDetails d = new CombinedBankSource(members, 1).view().details();
        assertThat(d.modules()).containsOnlyKeys(0x12, 0x1F, 0x22, 0x2F, 0x32, 0x3F, 0x42, 0x4F, 0x52, 0x5F, 0x62,
                0x6F);
    }
}
