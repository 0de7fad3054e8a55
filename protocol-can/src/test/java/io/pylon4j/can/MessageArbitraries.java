package io.pylon4j.can;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for every {@link CanMessage} record, valid under a given {@link CanProfile}: every wire value
 * the record can hold, every DLC it accepts, reserved bytes included.
 */
final class MessageArbitraries {

    private MessageArbitraries() {
    }

    /** The profiles the properties run under: the presets and one with both other choices. */
    static final List<CanProfile> PROFILES = List.of(CanProfile.PYLONTECH, CanProfile.VICTRON, CanProfile.SMA,
            CanProfile.SOL_ARK, CanProfile.builder().alarmPairPolarity(CanProfile.AlarmPairPolarity.REVERSED)
                    .energyResolution(CanProfile.EnergyResolution.TEN_WATT_HOURS).build());

    /** One arbitrary per record type that {@code profile} decodes to, keyed by the type. */
    static Map<Class<? extends CanMessage>, Arbitrary<? extends CanMessage>> byType(CanProfile profile) {
        Map<Class<? extends CanMessage>, Arbitrary<? extends CanMessage>> map = new LinkedHashMap<>();
        map.put(ChargeDischargeLimits.class, length(6).flatMap(n -> Combinators.combine(u16(), s16(), s16(),
                n >= 8 ? u16() : notSent(), reserved(n >= 8 ? 8 : 6, n))
                .as((a, b, c, d, r) -> new ChargeDischargeLimits(a, b, c, d, n, r))));
        map.put(StateOfChargeAndHealth.class, length(2).flatMap(n -> Combinators.combine(u16(),
                n >= 4 ? u16() : notSent(), n >= 6 ? u16() : notSent(), reserved(n >= 6 ? 6 : n >= 4 ? 4 : 2, n))
                .as((a, b, c, r) -> new StateOfChargeAndHealth(a, b, c, n, r))));
        Arbitrary<Integer> voltage = profile.batteryVoltageResolution() == CanProfile.VoltageResolution.DECIVOLT
                ? s16().map(v -> v * 10) : s16();
        map.put(BatteryMeasurements.class, length(4).flatMap(n -> Combinators.combine(voltage, s16(),
                n >= 6 ? s16() : notSent(), reserved(n >= 6 ? 6 : 4, n))
                .as((a, b, c, r) -> new BatteryMeasurements(a, b, c, n, r))));
        map.put(ProtectionAndAlarmFlags.class, length(4).flatMap(n -> Combinators.combine(Arbitraries.integers(),
                n >= 5 ? u8() : notSent(), n >= 7 ? u16() : n == 6 ? u8() : notSent(), n >= 8 ? u8() : notSent())
                .as((f, m, p, o) -> new ProtectionAndAlarmFlags(f, m, p, o, n))));
        map.put(AlarmsAndWarnings.class, raw(1, (n, states) -> new AlarmsAndWarnings(states, n)));
        map.put(BatteryEvents.class, raw(0, BatteryEvents::new));
        map.put(ChargeRequestFlags.class, length(1).flatMap(n -> Combinators.combine(u8(), reserved(1, n))
                .as((f, r) -> new ChargeRequestFlags(f, n, r))));
        map.put(ManufacturerName.class, raw(1, ManufacturerName::new));
        map.put(BatteryInfo.class, length(2).flatMap(n -> Combinators.combine(u16(), n >= 3 ? u8() : notSent(),
                n >= 4 ? u8() : notSent(), n >= 6 ? u16() : notSent(), reserved(n >= 6 ? 6 : Math.min(n, 4), n))
                .as((a, b, c, d, r) -> new BatteryInfo(a, b, c, d, n, r))));
        if (profile.frames370And371() == CanProfile.Frames370And371.ASCII_NAME) {
            map.put(BmsNamePart1.class, raw(1, BmsNamePart1::new));
            map.put(BmsNamePart2.class, raw(1, BmsNamePart2::new));
        } else {
            map.put(PylonPlusCellExtremes.class, length(2).flatMap(n -> Combinators.combine(s16(),
                    n >= 4 ? s16() : notSent(), n >= 6 ? u16() : notSent(), n >= 8 ? u16() : notSent(),
                    reserved(n & ~1, n)).as((a, b, c, d, r) -> new PylonPlusCellExtremes(a, b, c, d, n, r))));
            map.put(PylonPlusCellExtremeIds.class, length(2).flatMap(n -> Combinators.combine(u16(),
                    n >= 4 ? u16() : notSent(), n >= 6 ? u16() : notSent(), n >= 8 ? u16() : notSent(),
                    reserved(n & ~1, n)).as((a, b, c, d, r) -> new PylonPlusCellExtremeIds(a, b, c, d, n, r))));
        }
        map.put(ModuleCounts.class, length(2).flatMap(n -> Combinators.combine(u16(), n >= 4 ? u16() : notSent(),
                n >= 6 ? u16() : notSent(), n >= 8 ? u16() : notSent(), reserved(n & ~1, n))
                .as((a, b, c, d, r) -> new ModuleCounts(a, b, c, d, n, r))));
        map.put(CellExtremes.class, length(2).flatMap(n -> Combinators.combine(u16(), n >= 4 ? u16() : notSent(),
                n >= 6 ? u16() : notSent(), n >= 8 ? u16() : notSent(), reserved(n & ~1, n))
                .as((a, b, c, d, r) -> new CellExtremes(a, b, c, d, n, r))));
        map.put(MinCellVoltageId.class, raw(1, MinCellVoltageId::new));
        map.put(MaxCellVoltageId.class, raw(1, MaxCellVoltageId::new));
        map.put(MinCellTemperatureId.class, raw(1, MinCellTemperatureId::new));
        map.put(MaxCellTemperatureId.class, raw(1, MaxCellTemperatureId::new));
        long unit = profile.energyResolution() == CanProfile.EnergyResolution.TEN_WATT_HOURS ? 10 : 100;
        Arbitrary<Long> energy = Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(v -> v * unit);
        map.put(EnergyCounters.class, length(4).flatMap(n -> n == 8
                ? Combinators.combine(energy, energy).as(EnergyCounters::new)
                : Combinators.combine(energy, reserved(4, n)).as((c, r) -> new EnergyCounters(c, CanMessage.NOT_SENT,
                        n, r))));
        map.put(InstalledCapacity.class, length(2).flatMap(n -> Combinators.combine(u16(), reserved(2, n))
                .as((a, r) -> new InstalledCapacity(a, n, r))));
        map.put(SerialNumberPart1.class, raw(1, SerialNumberPart1::new));
        map.put(SerialNumberPart2.class, raw(1, SerialNumberPart2::new));
        map.put(ProductIdentification.class, raw(1, ProductIdentification::new));
        if (profile.inverterFrames() == CanProfile.InverterFrames.SMA) {
            map.put(SmaMeasurements.class, Combinators.combine(u16(), s16(), s16(), s16()).as(SmaMeasurements::new));
            map.put(SmaStatus.class, Combinators.combine(u16(), u8(), u8(), u16(), u16()).as(SmaStatus::new));
            map.put(SmaRelayState.class, length(2).flatMap(n -> Combinators.combine(u16(), reserved(2, n))
                    .as((a, r) -> new SmaRelayState(a, n, r))));
        } else {
            map.put(InverterKeepAlive.class, raw(0, InverterKeepAlive::new));
            map.put(VictronKeepAlive.class, raw(0, VictronKeepAlive::new));
            map.put(VictronIdentity.class, raw(0, VictronIdentity::new));
        }
        map.put(SmaQuickStop.class, raw(0, SmaQuickStop::new));
        map.put(UnknownCanMessage.class, frames(Arbitraries.integers().between(0, 0x7FF)
                .filter(id -> !PylonCanCodec.isKnownId(id)), 0).map(UnknownCanMessage::new));
        return map;
    }

    /** Any message valid under {@code profile}, every type equally likely. */
    static Arbitrary<CanMessage> messages(CanProfile profile) {
        List<Arbitrary<? extends CanMessage>> all = new ArrayList<>(byType(profile).values());
        return Arbitraries.oneOf(all);
    }

    /** Frames of {@code ids} with any DLC from {@code minimum} to 8 and any bytes. */
    static Arbitrary<CanFrame> frames(Arbitrary<Integer> ids, int minimum) {
        return Combinators.combine(ids, length(minimum), Arbitraries.longs())
                .as((id, n, bits) -> new CanFrame(id, n, n == 8 ? bits : bits & ((1L << (8 * n)) - 1)));
    }

    static Arbitrary<Integer> length(int minimum) {
        return Arbitraries.integers().between(minimum, 8);
    }

    static Arbitrary<Integer> u8() {
        return Arbitraries.integers().between(0, 0xFF);
    }

    static Arbitrary<Integer> u16() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }

    static Arbitrary<Integer> s16() {
        return Arbitraries.integers().between(Short.MIN_VALUE, Short.MAX_VALUE);
    }

    static Arbitrary<Integer> notSent() {
        return Arbitraries.just(CanMessage.NOT_SENT);
    }

    /** Bits in data bytes {@code from} to {@code length - 1} only, zero half of the time. */
    static Arbitrary<Long> reserved(int from, int length) {
        long mask = from >= length ? 0 : (length == 8 ? -1L : (1L << (8 * length)) - 1) & (-1L << (8 * from));
        return Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().map(bits -> bits & mask));
    }

    interface RawFactory<T> {
        T create(int length, long data);
    }

    /** A (length, data) record with a DLC from {@code minimum} to 8 and any bytes within it. */
    static <T extends CanMessage> Arbitrary<T> raw(int minimum, RawFactory<T> factory) {
        return length(minimum).flatMap(n -> Arbitraries.longs()
                .map(bits -> factory.create(n, n == 8 ? bits : bits & ((1L << (8 * n)) - 1))));
    }
}
