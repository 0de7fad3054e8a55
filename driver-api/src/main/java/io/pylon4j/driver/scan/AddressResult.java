package io.pylon4j.driver.scan;

import io.pylon4j.rs485.ManufacturerInfo;
import io.pylon4j.rs485.ProtocolVersion;
import io.pylon4j.rs485.Rejection;
import io.pylon4j.rs485.ReturnCode;
import io.pylon4j.rs485.Rs485Address;
import io.pylon4j.rs485.SerialNumber;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one address of a scan did: {@link Answered} (at least one probe got a normal reply), {@link Rejected} (every
 * reply was a refusal, with its RTN), {@link Garbled} (something came back, but never a frame that decodes as the
 * answer), or {@link TimedOut} (silence). Decided in that order of precedence over all probes of the address.
 */
public sealed interface AddressResult {

    /**
     * ADR, a battery address (group 0–7, position 2–15).
     *
     * @return the address asked, 0x02 to 0x7F
     */
    int address();

    /**
     * The group of the address (0–7, docs/protocol.md §2.3).
     *
     * @return the group, 0 to 7
     */
    default int group() {
        return Rs485Address.groupOf(address());
    }

    /**
     * The battery number within its group, 1 = the group's master (docs/protocol.md §2.3).
     *
     * @return the battery number, 1 to 14
     */
    default int battery() {
        return Rs485Address.batteryOf(address());
    }

    /**
     * The address answered at least one probe normally.
     *
     * @param address          ADR
     * @param protocolVersion  the 0x4F reply, if that probe ran and was answered
     * @param manufacturerInfo the 0x51 reply, if that probe ran and was answered
     * @param serialNumber     the 0x93 reply, if that probe ran and was answered
     * @param rejections       the probes this address refused (a module may refuse 0x4F and answer 0x51)
     */
    record Answered(int address, Optional<ProtocolVersion> protocolVersion, Optional<ManufacturerInfo> manufacturerInfo,
                    Optional<SerialNumber> serialNumber, List<Rejection> rejections) implements AddressResult {

        /**
         * Checks that at least one reply is present and copies the rejections.
         *
         * @param address          ADR
         * @param protocolVersion  the 0x4F reply, if answered
         * @param manufacturerInfo the 0x51 reply, if answered
         * @param serialNumber     the 0x93 reply, if answered
         * @param rejections       the probes this address refused
         * @throws IllegalArgumentException if no reply is present
         */
        public Answered {
            Objects.requireNonNull(protocolVersion, "protocolVersion");
            Objects.requireNonNull(manufacturerInfo, "manufacturerInfo");
            Objects.requireNonNull(serialNumber, "serialNumber");
            rejections = List.copyOf(rejections);
            if (protocolVersion.isEmpty() && manufacturerInfo.isEmpty() && serialNumber.isEmpty()) {
                throw new IllegalArgumentException("an answered address has at least one reply");
            }
        }
    }

    /**
     * Every reply from the address was a refusal (docs/protocol.md §2.4): the battery is there but said no.
     *
     * @param address    ADR
     * @param probe      the first probe refused
     * @param returnCode its RTN, named ({@link ReturnCode#ADDRESS_ERROR}, {@link ReturnCode#INVALID_COMMAND}, …)
     */
    record Rejected(int address, ScanProbe probe, ReturnCode returnCode) implements AddressResult {

        /**
         * Checks the references.
         *
         * @param address    ADR
         * @param probe      the first probe refused
         * @param returnCode its RTN
         */
        public Rejected {
            Objects.requireNonNull(probe, "probe");
            Objects.requireNonNull(returnCode, "returnCode");
        }
    }

    /**
     * Bytes came back but never a usable answer: a frame that failed its checksum or length checks, a frame from
     * another address, INFO too short, or bytes outside any frame (noise; a baud-rate mismatch looks like this).
     *
     * @param address ADR
     * @param reason  the first fault seen, in words
     */
    record Garbled(int address, String reason) implements AddressResult {

        /**
         * Checks the reason.
         *
         * @param address ADR
         * @param reason  the first fault seen, in words
         */
        public Garbled {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * No byte came back within the reply timeout: nobody at this address, or not at this baud rate (docs/protocol.md §2.3: a
     * missing reply means "not supported / not addressed / bus busy").
     *
     * @param address ADR
     */
    record TimedOut(int address) implements AddressResult {
    }
}
