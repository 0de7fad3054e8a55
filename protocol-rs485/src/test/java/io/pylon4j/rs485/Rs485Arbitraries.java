package io.pylon4j.rs485;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators for every request and response record, and for frames. */
final class Rs485Arbitraries {

    private Rs485Arbitraries() {
    }

    /** A request together with a response that answers it. */
    record Exchange(Rs485Request request, Rs485Response response) {
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

    static Arbitrary<Integer> u24() {
        return Arbitraries.integers().between(0, 0xFF_FFFF);
    }

    static Arbitrary<Integer> notStack() {
        return Arbitraries.integers().between(0, 0xFE);
    }

    static Arbitrary<String> latin1(int width) {
        return Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(width)
                .filter(s -> s.isEmpty() || s.charAt(s.length() - 1) != 0);
    }

    static Arbitrary<int[]> ints(Arbitrary<Integer> each, int maxSize) {
        return each.array(int[].class).ofMaxSize(maxSize);
    }

    static Arbitrary<Rs485Request> requests() {
        Arbitrary<Integer> adr = u8();
        return Arbitraries.oneOf(List.of(
                adr.map(ProtocolVersionRequest::new),
                adr.map(ManufacturerInfoRequest::new),
                Combinators.combine(adr, u8()).as(AnalogValuesRequest::new),
                Combinators.combine(adr, u8()).as(AlarmInfoRequest::new),
                adr.map(SystemParametersRequest::new),
                Combinators.combine(adr, u8()).as(ChargeDischargeManagementRequest::new),
                Combinators.combine(adr, u8()).as(SerialNumberRequest::new),
                Combinators.combine(adr, u8(), u16(), u16(), s16(), s16()).as(SetChargeDischargeManagementRequest::new),
                Combinators.combine(adr, u8()).as(TurnOffRequest::new),
                Combinators.combine(adr, u8()).as(SoftwareVersionRequest::new),
                adr.map(PackQuantityRequest::new),
                Combinators.combine(adr, Arbitraries.of(CommunicationRate.class)).as(SetCommunicationRateRequest::new),
                adr.map(SystemBasicInfoRequest::new),
                adr.map(SystemAnalogRequest::new),
                adr.map(SystemAlarmRequest::new),
                adr.map(SystemChargeDischargeManagementRequest::new)));
    }

    static Arbitrary<ModuleAnalog> moduleAnalog() {
        Arbitrary<ModuleAnalog> two = Combinators.combine(ints(s16(), 20), ints(s16(), 8), s16(), u16(), u16(), u16(),
                u16()).as(ModuleAnalog::withCount2);
        Arbitrary<ModuleAnalog> four = Combinators.combine(ints(s16(), 20), ints(s16(), 8), s16(), u16(), u16(), u16(),
                u24(), u24()).as((c, t, i, v, r1, t1, r2, t2) -> new ModuleAnalog(c, t, i, v, r1, 4, t1, 0, r2, t2));
        return Combinators.combine(Arbitraries.oneOf(two, four), u16())
                .as((m, cycles) -> new ModuleAnalog(m.cellVoltagesMilliVolts(), m.temperaturesDeciKelvin(),
                        m.currentDeciAmps(), m.voltageMilliVolts(), m.remainingCapacity1MilliAmpHours(),
                        m.userDefinedCount(), m.totalCapacity1MilliAmpHours(), cycles,
                        m.remainingCapacity2MilliAmpHours(), m.totalCapacity2MilliAmpHours()));
    }

    static Arbitrary<ModuleAlarm> moduleAlarm() {
        return Combinators.combine(ints(u8(), 20), ints(u8(), 8), u8(), u8(), u8(),
                        Combinators.combine(u8(), u8(), u8(), u8(), u8()).as(List::of))
                .as((c, t, cc, mv, dc, s) -> new ModuleAlarm(c, t, cc, mv, dc, s.get(0), s.get(1), s.get(2),
                        s.get(3), s.get(4)));
    }

    static Arbitrary<InfoFlag> infoFlag() {
        return u8().map(InfoFlag::of);
    }

    static Arbitrary<SystemAnalog.Extreme> extreme() {
        return Combinators.combine(u16(), u8(), u8()).as(SystemAnalog.Extreme::new);
    }

    /** Every kind of response, each with a request it answers. */
    static Arbitrary<Exchange> exchanges() {
        Arbitrary<Integer> adr = u8();
        Arbitrary<Exchange> analogSingle = Combinators.combine(adr, infoFlag(), notStack(), moduleAnalog())
                .as((a, f, cv, m) -> new Exchange(new AnalogValuesRequest(a, cv),
                        new AnalogValues(a, f, cv, List.of(m))));
        Arbitrary<Exchange> analogStack = Combinators.combine(adr, infoFlag(), moduleAnalog().list().ofMaxSize(16))
                .as((a, f, ms) -> new Exchange(new AnalogValuesRequest(a, 0xFF), new AnalogValues(a, f, 0xFF, ms)));
        Arbitrary<Exchange> alarmSingle = Combinators.combine(adr, infoFlag(), notStack(), moduleAlarm())
                .as((a, f, cv, m) -> new Exchange(new AlarmInfoRequest(a, cv), new AlarmInfo(a, f, cv, List.of(m))));
        Arbitrary<Exchange> alarmStack = Combinators.combine(adr, infoFlag(), moduleAlarm().list().ofMaxSize(16))
                .as((a, f, ms) -> new Exchange(new AlarmInfoRequest(a, 0xFF), new AlarmInfo(a, f, 0xFF, ms)));
        Arbitrary<Exchange> systemParameters = Combinators.combine(adr, infoFlag(),
                        Combinators.combine(s16(), s16(), s16(), s16(), s16(), s16()).as(List::of),
                        Combinators.combine(u16(), u16(), u16(), s16(), s16(), s16()).as(List::of))
                .as((a, f, x, y) -> new Exchange(new SystemParametersRequest(a),
                        new SystemParameters(a, f, x.get(0), x.get(1), x.get(2), x.get(3), x.get(4), x.get(5),
                                y.get(0), y.get(1), y.get(2), y.get(3), y.get(4), y.get(5))));
        Arbitrary<Exchange> management = Combinators.combine(adr, u8(), u16(), u16(), s16(), s16(), u8())
                .as((a, cv, cvl, dvl, ccl, dcl, st) -> new Exchange(new ChargeDischargeManagementRequest(a, cv),
                        new ChargeDischargeManagement(a, cv, cvl, dvl, ccl, dcl, st)));
        Arbitrary<Exchange> systemAnalog = Combinators.combine(adr,
                        Combinators.combine(u16(), s16(), u8(), u16(), u16(), u8(), u8()).as(List::of),
                        extreme().list().ofSize(10), u16().list().ofSize(3))
                .as((a, x, e, avg) -> new Exchange(new SystemAnalogRequest(a),
                        new SystemAnalog(a, x.get(0), x.get(1), x.get(2), x.get(3), x.get(4), x.get(5), x.get(6),
                                e.get(0), e.get(1), avg.get(0), e.get(2), e.get(3), avg.get(1), e.get(4), e.get(5),
                                avg.get(2), e.get(6), e.get(7))));
        Arbitrary<Exchange> acknowledgement = Arbitraries.oneOf(List.of(
                        Combinators.combine(adr, u8(), u16(), u16(), s16(), s16())
                                .as(SetChargeDischargeManagementRequest::new),
                        Combinators.combine(adr, u8()).as(TurnOffRequest::new),
                        Combinators.combine(adr, Arbitraries.of(CommunicationRate.class))
                                .as(SetCommunicationRateRequest::new)))
                .map(r -> new Exchange(r, new Acknowledgement(r.address(), r.command())));
        Arbitrary<Exchange> rejection = Combinators.combine(requests(),
                        Arbitraries.of(ReturnCode.class).filter(c -> c != ReturnCode.NORMAL),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
                .as((r, code, info) -> new Exchange(r, new Rejection(r.address(), r.command(), code, info)));
        return Arbitraries.oneOf(List.of(
                Combinators.combine(adr, u8()).as((a, v) -> new Exchange(new ProtocolVersionRequest(a),
                        new ProtocolVersion(a, v))),
                Combinators.combine(adr, latin1(10), u16(), latin1(20)).as((a, d, s, m) -> new Exchange(
                        new ManufacturerInfoRequest(a), new ManufacturerInfo(a, d, s, m))),
                analogSingle, analogStack, alarmSingle, alarmStack, systemParameters, management,
                Combinators.combine(adr, u8(), latin1(16)).as((a, cv, s) -> new Exchange(
                        new SerialNumberRequest(a, cv), new SerialNumber(a, cv, s))),
                Combinators.combine(adr, u8(), u16(), u24()).as((a, cv, m, l) -> new Exchange(
                        new SoftwareVersionRequest(a, cv), new SoftwareVersion(a, cv, m, l))),
                Combinators.combine(adr, u8()).as((a, n) -> new Exchange(new PackQuantityRequest(a),
                        new PackQuantity(a, n))),
                Combinators.combine(adr, latin1(10), latin1(20), u16(), latin1(16).list().ofMaxSize(20))
                        .as((a, d, m, v, serials) -> new Exchange(new SystemBasicInfoRequest(a),
                                new SystemBasicInfo(a, d, m, v, serials))),
                systemAnalog,
                Combinators.combine(adr, u8(), u8(), u8(), u8()).as((a, w1, w2, p1, p2) -> new Exchange(
                        new SystemAlarmRequest(a), new SystemAlarm(a, w1, w2, p1, p2))),
                Combinators.combine(adr, u16(), u16(), u16(), u16(), u8()).as((a, c, d, ci, di, s) -> new Exchange(
                        new SystemChargeDischargeManagementRequest(a),
                        new SystemChargeDischargeManagement(a, c, d, ci, di, s))),
                acknowledgement, rejection));
    }

    /** Any well-formed frame: any header bytes, any INFO (mostly short, sometimes up to the maximum). */
    static Arbitrary<Rs485Frame> frames() {
        Arbitrary<byte[]> info = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.bytes().array(byte[].class).ofMaxSize(64)),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(Rs485Frame.MAX_INFO_BYTES)));
        return Combinators.combine(u8(), u8(), u8(), u8(), info).as(Rs485Frame::new);
    }
}
