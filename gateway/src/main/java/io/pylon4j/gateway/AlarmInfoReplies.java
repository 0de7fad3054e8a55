package io.pylon4j.gateway;

import io.pylon4j.driver.ModuleAlarmStates;
import io.pylon4j.rs485.AlarmInfo;
import io.pylon4j.rs485.InfoFlag;
import io.pylon4j.rs485.ModuleAlarm;
import io.pylon4j.rs485.Rs485Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The RS485 responder's 0x44 (alarm info, docs/protocol.md §2.5.4): each module's block exactly as the source's bank
 * sent it ({@link BankDetails#moduleAlarms()}: its state bytes and Status1 to Status5, byte for byte), for one
 * module or a whole group. Empty, so refused, when any module asked about has no fresh block (a reply with some
 * modules left out would tell the inverter those modules are fine), and while the view is not fresh: the
 * fail-safe form keeps the last good view, but a 0x44 block saying "normal" about a bank the gateway can no longer
 * see would be a made-up present. INFOFLAG is sent as 0 (no unread change), as in the responder's 0x42; the
 * source's own INFOFLAG is not kept, nor a US5000's trailing byte (the codec drops it).
 */
final class AlarmInfoReplies {

    private AlarmInfoReplies() {
    }

    /**
     * {@return the 0x44 reply at {@code address} for {@code commandValue}, or empty to refuse}
     *
     * @param address      the request's ADR
     * @param commandValue the module's address, or 0xFF at a group's master
     * @param v            the view the gate lets the gateway answer from
     */
    static Optional<Rs485Response> answer(int address, int commandValue, BankView v) {
        if (v.state() != SourceState.FRESH) {
            return Optional.empty();
        }
        List<Integer> addresses = ModuleStacks.addresses(address, commandValue, v);
        if (addresses.isEmpty()) {
            return Optional.empty();
        }
        List<ModuleAlarm> blocks = new ArrayList<>(addresses.size());
        for (int a : addresses) {
            ModuleAlarmStates s = v.details().moduleAlarms().get(a);
            if (s == null) {
                return Optional.empty();
            }
            blocks.add(block(s));
        }
        return Optional.of(new AlarmInfo(address, InfoFlag.of(0), commandValue, blocks));
    }

    /** The wire block of {@code s}, byte for byte. */
    static ModuleAlarm block(ModuleAlarmStates s) {
        return new ModuleAlarm(ints(s.cellStates()), ints(s.temperatureStates()), s.chargeCurrentState(),
                s.moduleVoltageState(), s.dischargeCurrentState(), s.status1(), s.status2(), s.status3(), s.status4(),
                s.status5());
    }

    private static int[] ints(List<Integer> bytes) {
        return bytes.stream().mapToInt(Integer::intValue).toArray();
    }
}
