package io.pylon4j.rs485;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsTest {

    @Test
    void addresses() {
        assertThat(Rs485Address.master(0)).isEqualTo(0x02);
        assertThat(Rs485Address.master(1)).isEqualTo(0x12);
        assertThat(Rs485Address.of(3, 6)).isEqualTo(0x37); // the document's example, group 3 slave 6
        assertThat(Rs485Address.of(0, 14)).isEqualTo(0x0F);
        assertThat(Rs485Address.groupOf(0x37)).isEqualTo(3);
        assertThat(Rs485Address.batteryOf(0x37)).isEqualTo(6);
        assertThat(Rs485Address.isBattery(0x00)).isFalse();
        assertThat(Rs485Address.isBattery(0xFF)).isFalse();
        assertThat(Rs485Address.isBattery(0x01)).isFalse();
        assertThatThrownBy(() -> Rs485Address.of(8, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rs485Address.of(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rs485Address.of(0, 15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rs485Address.groupOf(0xFF)).isInstanceOf(IllegalArgumentException.class);
        for (int g = 0; g <= 7; g++) {
            for (int b = 1; b <= 14; b++) {
                int adr = Rs485Address.of(g, b);
                assertThat(Rs485Address.groupOf(adr)).isEqualTo(g);
                assertThat(Rs485Address.batteryOf(adr)).isEqualTo(b);
            }
        }
    }

    @Test
    void arraysAreCopiedInAndOut() {
        int[] cells = {3300, 3301};
        ModuleAnalog m = ModuleAnalog.withCount2(cells, new int[] {2981}, 0, 50000, 1, 2, 3);
        cells[0] = 0;
        assertThat(m.cellVoltageMilliVolts(0)).isEqualTo(3300);
        m.cellVoltagesMilliVolts()[1] = 0;
        assertThat(m.cellVoltagesMilliVolts()).containsExactly(3300, 3301);
        assertThat(m).isEqualTo(ModuleAnalog.withCount2(new int[] {3300, 3301}, new int[] {2981}, 0, 50000, 1, 2, 3))
                .hasSameHashCodeAs(ModuleAnalog.withCount2(new int[] {3300, 3301}, new int[] {2981}, 0, 50000, 1, 2, 3));
        assertThat(m.toString()).contains("[3300, 3301]");
    }

    @Test
    void listsAreCopied() {
        List<ModuleAnalog> modules = new ArrayList<>();
        modules.add(ModuleAnalog.withCount2(new int[0], new int[0], 0, 0, 0, 0, 0));
        AnalogValues v = new AnalogValues(2, InfoFlag.of(0), 0xFF, modules);
        modules.clear();
        assertThat(v.modules()).hasSize(1);
        assertThatThrownBy(() -> v.modules().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fieldsAreRangeChecked() {
        assertThatThrownBy(() -> ModuleAnalog.withCount2(new int[] {40000}, new int[0], 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cellVoltagesMilliVolts");
        assertThatThrownBy(() -> ModuleAnalog.withCount2(new int[0], new int[0], 0, 0, 70000, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModuleAnalog(new int[0], new int[0], 0, 0, 0, 3, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModuleAnalog(new int[0], new int[0], 0, 0, 0, 2, 0, 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChargeDischargeManagement(2, 2, 0, 0, 40000, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnalogValues(2, InfoFlag.of(0), 2, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> AnalogValuesRequest.of(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ManufacturerInfo(2, "01234567890", 0, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ManufacturerInfo(2, "US\u0000", 0, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> new SerialNumber(2, 2, "\u20ac")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rejection(2, Command.ANALOG_VALUES, ReturnCode.NORMAL, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InfoFlag.of(256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesKeepEveryByteButTheirPadding() {
        ManufacturerInfo info = new ManufacturerInfo(2, "US2KBPL", 0x0203, "Pylon---------------");
        assertThat(info.toFrame().infoHex())
                .isEqualTo("5553324B42504C000000020350796C6F6E2D2D2D2D2D2D2D2D2D2D2D2D2D2D2D");
        ManufacturerInfo latin = new ManufacturerInfo(2, "\u00e9\u0000x", 1, "");
        assertThat(Rs485Codec.decodeResponse(new ManufacturerInfoRequest(2), latin.toFrame())).isEqualTo(latin);
    }

    @Test
    void commandCodes() {
        assertThat(Command.of(0x42)).isEqualTo(Command.ANALOG_VALUES);
        assertThat(Command.ANALOG_VALUES.hex()).isEqualTo("0x42");
        assertThat(Command.values()).extracting(Command::code).doesNotHaveDuplicates().hasSize(16);
        assertThat(Command.isKnown(0x4B)).isFalse();
        assertThat(Command.isKnown(-1)).isFalse();
    }

    @Test
    void infoFlagBits() {
        assertThat(InfoFlag.of(0x11).switchChangeUnread()).isTrue();
        assertThat(InfoFlag.of(0x11).alarmChangeUnread()).isTrue();
        assertThat(InfoFlag.of(0x10).alarmChangeUnread()).isFalse();
        assertThat(InfoFlag.of(0x10)).isSameAs(InfoFlag.of(0x10)).isEqualTo(new InfoFlag(0x10));
    }
}
