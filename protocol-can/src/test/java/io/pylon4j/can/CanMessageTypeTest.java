package io.pylon4j.can;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link CanMessageType} is the one table of CAN ids: these tests prove it complete against the sealed hierarchy,
 * consistent with each record's own constants, unambiguous under every profile, and that every entry decodes what it
 * encodes on the golden vectors (the frames of the three CAN captures in {@code docs/captures/}, copied into
 * {@code golden/}, and the documents' frames for the entries no capture shows).
 */
class CanMessageTypeTest {

    /** The golden files copied from real captures (docs/captures/can-*.txt), frame for frame. */
    private static final List<String> CAPTURE_FILES = List.of("setfirelabs-us5000.vectors",
            "dfch-byd-victron.vectors", "emulator-outputs.vectors");

    /** Every combination of the two options that pick between an id's two records. */
    private static List<CanProfile> profiles() {
        List<CanProfile> profiles = new ArrayList<>(List.of(CanProfile.PYLONTECH, CanProfile.VICTRON, CanProfile.SMA,
                CanProfile.SOL_ARK));
        for (CanProfile.Frames370And371 frames : CanProfile.Frames370And371.values()) {
            for (CanProfile.InverterFrames inverter : CanProfile.InverterFrames.values()) {
                profiles.add(CanProfile.builder().frames370And371(frames).inverterFrames(inverter).build());
            }
        }
        return profiles;
    }

    private static void permittedRecords(Class<?> type, Set<Class<?>> into) {
        if (type.isRecord()) {
            into.add(type);
            return;
        }
        assertThat(type.isSealed()).as(type + " is sealed").isTrue();
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            permittedRecords(permitted, into);
        }
    }

    @Test
    void everyPermittedRecordTypeHasExactlyOneEntry() {
        Set<Class<?>> records = new HashSet<>();
        permittedRecords(CanMessage.class, records);
        List<Class<? extends CanMessage>> entries = Arrays.stream(CanMessageType.values())
                .map(CanMessageType::recordType).collect(Collectors.toList());

        assertThat(entries).as("one entry per record type").doesNotHaveDuplicates();
        assertThat(new HashSet<Class<?>>(entries)).as("the table against CanMessage's sealed permits")
                .isEqualTo(records);
    }

    @Test
    void everyEntryAgreesWithItsRecordsConstantsAndSealedInterface() throws ReflectiveOperationException {
        for (CanMessageType type : CanMessageType.values()) {
            Class<? extends CanMessage> record = type.recordType();
            assertThat(type.messageName()).as(type + " name").isEqualTo(record.getSimpleName());
            if (!type.isKnown()) {
                assertThat(type).isEqualTo(CanMessageType.UNKNOWN);
                assertThat(type.direction()).isEqualTo(CanMessageType.Direction.UNKNOWN);
                continue;
            }
            assertThat(type.canId()).as(type + " id").isEqualTo(record.getField("ID").getInt(null));
            assertThat(type.minimumLength()).as(type + " minimum DLC")
                    .isEqualTo(record.getField("MIN_LENGTH").getInt(null));
            CanMessageType.Direction expected = BatteryMessage.class.isAssignableFrom(record)
                    ? CanMessageType.Direction.BATTERY_TO_INVERTER : CanMessageType.Direction.INVERTER_TO_BATTERY;
            assertThat(InverterMessage.class.isAssignableFrom(record) || BatteryMessage.class.isAssignableFrom(record))
                    .as(type + " is a battery or an inverter message").isTrue();
            assertThat(type.direction()).as(type + " direction").isEqualTo(expected);
            assertThat(type.direction() == CanMessageType.Direction.BATTERY_TO_INVERTER)
                    .as(type + ": the battery's ids are 0x351 to 0x382, the inverter's 0x305 to 0x307 and 0x00F")
                    .isEqualTo(type.canId() >= 0x351 && type.canId() <= 0x382);
        }
    }

    @Test
    void everyProfileDecodesEveryKnownIdToExactlyOneEntryAndNothingElse() {
        for (CanProfile profile : profiles()) {
            PylonCanCodec codec = new PylonCanCodec(profile);
            for (int id = 0; id <= CanFrame.MAX_STANDARD_ID; id++) {
                List<CanMessageType> chosen = new ArrayList<>();
                for (CanMessageType type : CanMessageType.forId(id)) {
                    if (type.decodedUnder(profile)) {
                        chosen.add(type);
                    }
                }
                CanMessage decoded = codec.decode(new CanFrame(id, 8, 0));
                if (CanMessageType.isKnownId(id)) {
                    assertThat(chosen).as("0x%03X under %s", id, profile).hasSize(1);
                    assertThat(CanMessageType.of(decoded)).as("0x%03X under %s", id, profile)
                            .isEqualTo(chosen.get(0));
                    assertThat(decoded.canId()).isEqualTo(id);
                } else {
                    assertThat(CanMessageType.forId(id)).as("0x%03X", id).isEmpty();
                    assertThat(decoded).as("0x%03X", id).isInstanceOf(UnknownCanMessage.class);
                    assertThat(CanMessageType.of(decoded)).isEqualTo(CanMessageType.UNKNOWN);
                }
                assertThat(PylonCanCodec.isKnownId(id)).isEqualTo(CanMessageType.isKnownId(id));
            }
        }
        assertThat(CanMessageType.isKnownId(-1)).isFalse();
        assertThat(CanMessageType.isKnownId(CanFrame.MAX_STANDARD_ID + 1)).isFalse();
    }

    @Test
    void theKnownIdsAreTheIdsOfTheProtocolDocument() {
        // docs/protocol.md §1.2 to §1.8: the V1.2 set, the V1.3/Victron/SMA battery frames, the inverter frames
        List<String> ids = Arrays.stream(CanMessageType.values()).filter(CanMessageType::isKnown)
                .map(t -> String.format("%03X", t.canId())).distinct().sorted().collect(Collectors.toList());
        assertThat(ids).containsExactly("00F", "305", "306", "307", "351", "355", "356", "359", "35A", "35B", "35C", "35E",
                        "35F", "370", "371", "372", "373", "374", "375", "376", "377", "378", "379", "380", "381",
                        "382");
    }

    @Test
    void aFrameOneByteShorterThanTheEntrysMinimumIsRefusedNamingTheEntry() {
        for (CanMessageType type : CanMessageType.values()) {
            if (!type.isKnown()) {
                continue;
            }
            CanProfile profile = profiles().stream().filter(type::decodedUnder).findFirst().orElseThrow();
            PylonCanCodec codec = new PylonCanCodec(profile);
            assertThat(codec.decode(new CanFrame(type.canId(), type.minimumLength(), 0)).getClass())
                    .as("%s at its minimum DLC", type).isEqualTo(type.recordType());
            if (type.minimumLength() == 0) {
                continue;
            }
            assertThatThrownBy(() -> codec.decode(new CanFrame(type.canId(), type.minimumLength() - 1, 0)))
                    .as("%s one byte short", type).isInstanceOfSatisfying(FrameTooShortException.class, e -> {
                        assertThat(e.canId()).isEqualTo(type.canId());
                        assertThat(e.minimumDlc()).isEqualTo(type.minimumLength());
                        assertThat(e.getMessage()).contains(type.messageName());
                    });
        }
    }

    @Test
    void everyEntryDecodesWhatItEncodesOnTheGoldenFrames() throws IOException {
        Map<CanMessageType, Integer> frames = new EnumMap<>(CanMessageType.class);
        Set<CanMessageType> inCaptures = EnumSet.noneOf(CanMessageType.class);
        for (String file : GoldenVectorsTest.FILES) {
            for (GoldenVectorsTest.Vector vector : GoldenVectorsTest.read(file)) {
                PylonCanCodec codec = new PylonCanCodec(GoldenVectorsTest.profile(vector.profile()));
                CanFrame frame = CandumpFormat.parseFrame(vector.frame());
                CanMessage message = codec.decode(frame);
                CanMessageType type = CanMessageType.of(message);
                assertThat(type.recordType()).as(vector.name()).isEqualTo(message.getClass());
                assertThat(type.decodedUnder(codec.profile())).as(vector.name()).isTrue();
                assertThat(codec.encode(message)).as("%s: encode(decode(frame))", vector.name()).isEqualTo(frame);
                frames.merge(type, 1, Integer::sum);
                if (CAPTURE_FILES.contains(file)) {
                    inCaptures.add(type);
                }
            }
        }
        assertThat(frames.keySet()).as("entries with a golden frame").containsExactlyInAnyOrder(
                CanMessageType.values());
        // What real traffic shows; the rest (Pylon+ 0x370/0x371, BMS names, 0x380/0x381, the SMA inverter frames)
        // are known from the documents only (docs/protocol.md §1.4, §1.8), and their frames are the documents'.
        assertThat(inCaptures).containsExactlyInAnyOrder(CanMessageType.CHARGE_DISCHARGE_LIMITS,
                CanMessageType.STATE_OF_CHARGE_AND_HEALTH, CanMessageType.BATTERY_MEASUREMENTS,
                CanMessageType.PROTECTION_AND_ALARM_FLAGS, CanMessageType.ALARMS_AND_WARNINGS,
                CanMessageType.BATTERY_EVENTS, CanMessageType.CHARGE_REQUEST_FLAGS, CanMessageType.MANUFACTURER_NAME,
                CanMessageType.BATTERY_INFO, CanMessageType.MODULE_COUNTS, CanMessageType.CELL_EXTREMES,
                CanMessageType.MIN_CELL_VOLTAGE_ID, CanMessageType.MAX_CELL_VOLTAGE_ID,
                CanMessageType.MIN_CELL_TEMPERATURE_ID, CanMessageType.MAX_CELL_TEMPERATURE_ID,
                CanMessageType.ENERGY_COUNTERS, CanMessageType.INSTALLED_CAPACITY,
                CanMessageType.PRODUCT_IDENTIFICATION, CanMessageType.INVERTER_KEEP_ALIVE,
                CanMessageType.VICTRON_KEEP_ALIVE, CanMessageType.VICTRON_IDENTITY, CanMessageType.UNKNOWN);
    }

    @Test
    void encodingFollowsTheRecordNotTheProfile() {
        // 0x370 decodes by profile, but either record encodes to its own layout under any codec
        BmsNamePart1 name = BmsNamePart1.of("PYLON");
        PylonCanCodec numeric = PylonCanCodec.standard();
        assertThat(CanMessageType.BMS_NAME_PART1.decodedUnder(numeric.profile())).isFalse();
        assertThat(numeric.encode(name)).isEqualTo(new PylonCanCodec(CanProfile.VICTRON).encode(name));
        assertThat(new PylonCanCodec(CanProfile.VICTRON).decode(numeric.encode(name))).isEqualTo(name);
    }
}
