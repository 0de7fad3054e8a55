package io.pylon4j.gateway;

import io.pylon4j.driver.BankInfo;
import io.pylon4j.driver.ModuleAlarmStates;
import io.pylon4j.driver.ModuleDetails;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a source knows per module and about the bank itself, in the driver's public values, with how old each
 * module's details were when the view was taken: the data the Victron detail frames (0x373–0x377, 0x380/0x381) and
 * the RS485 responder's per-module replies (0x42, 0x44, 0x92, 0x93, 0x47, 0x51) are made of. A module the source
 * has no fresh details of is simply not in {@link #modules()}: a reply or frame that needs it is left out or
 * refused, never filled in. The same holds for {@link #moduleAlarms()}: only blocks the source vouches for as fresh.
 *
 * @param modules      per-module details by RS485 address, ascending
 * @param moduleAges   how old each module's newest details were when the view was taken, same keys
 * @param bankInfo     what the bank says about itself (RS485 0x51, 0x47), if the source knows it
 * @param moduleAlarms per RS485 address, ascending: the module's fresh 0x44 block as the bank sent it (the RS485
 *                     responder answers 0x44 from it byte for byte); empty when the source has none (CAN)
 * @param systemAnalog what 0x61 needs beyond {@code modules} (SOH, MOSFET and BMS temperatures), from a source
 *                     that knows it from its own BMS; empty for a driver source, which never has it
 */
public record BankDetails(Map<Integer, ModuleDetails> modules, Map<Integer, Duration> moduleAges,
                          Optional<BankInfo> bankInfo, Map<Integer, ModuleAlarmStates> moduleAlarms,
                          Optional<SystemAnalogExtras> systemAnalog) {

    /** No per-module data, no bank info: what every source but a per-module one gives. */
    public static final BankDetails NONE = new BankDetails(Map.of(), Map.of(), Optional.empty());

    /**
     * Checks the references and copies the maps (ascending by address).
     *
     * @param modules      per-module details by RS485 address
     * @param moduleAges   how old each module's details were, one entry per module, none negative
     * @param bankInfo     what the bank says about itself, if known
     * @param moduleAlarms per RS485 address: the module's fresh 0x44 block, each under its own address
     * @param systemAnalog what 0x61 needs beyond the modules' details, if the source knows it
     * @throws NullPointerException     if a reference is null
     * @throws IllegalArgumentException if the two maps have different keys, an age is negative, or a 0x44 block is
     *                                  filed under another address than its own
     */
    public BankDetails {
        modules = Collections.unmodifiableMap(new TreeMap<>(modules));
        moduleAges = Collections.unmodifiableMap(new TreeMap<>(moduleAges));
        Objects.requireNonNull(bankInfo, "bankInfo");
        moduleAlarms = Collections.unmodifiableMap(new TreeMap<>(moduleAlarms));
        Objects.requireNonNull(systemAnalog, "systemAnalog");
        if (!modules.keySet().equals(moduleAges.keySet())) {
            throw new IllegalArgumentException("one age per module: " + modules.keySet() + " against "
                    + moduleAges.keySet());
        }
        for (Duration age : moduleAges.values()) {
            if (age.isNegative()) {
                throw new IllegalArgumentException("a negative age: " + age);
            }
        }
        moduleAlarms.forEach((address, block) -> {
            if (block.address() != address) {
                throw new IllegalArgumentException("the 0x44 block of ADR " + block.address() + " filed under "
                        + address);
            }
        });
    }

    /**
     * Details without 0x61's extras (what every source but an application's own gives).
     *
     * @param modules      per-module details by RS485 address
     * @param moduleAges   how old each module's details were, one entry per module, none negative
     * @param bankInfo     what the bank says about itself, if known
     * @param moduleAlarms per RS485 address: the module's fresh 0x44 block, each under its own address
     * @throws NullPointerException     if a reference is null
     * @throws IllegalArgumentException if the two maps have different keys, an age is negative, or a 0x44 block is
     *                                  filed under another address than its own
     */
    public BankDetails(Map<Integer, ModuleDetails> modules, Map<Integer, Duration> moduleAges,
                       Optional<BankInfo> bankInfo, Map<Integer, ModuleAlarmStates> moduleAlarms) {
        this(modules, moduleAges, bankInfo, moduleAlarms, Optional.empty());
    }

    /**
     * Details without 0x44 blocks (a source that knows no per-module alarm states).
     *
     * @param modules    per-module details by RS485 address
     * @param moduleAges how old each module's details were, one entry per module, none negative
     * @param bankInfo   what the bank says about itself, if known
     * @throws NullPointerException     if a reference is null
     * @throws IllegalArgumentException if the two maps have different keys or an age is negative
     */
    public BankDetails(Map<Integer, ModuleDetails> modules, Map<Integer, Duration> moduleAges,
                       Optional<BankInfo> bankInfo) {
        this(modules, moduleAges, bankInfo, Map.of());
    }

    /**
     * These details with what 0x61 needs beyond them.
     *
     * @param extras the SOH and MOSFET and BMS temperatures, as the application's BMS reports them
     * @return the same details with {@code extras}
     */
    public BankDetails withSystemAnalog(SystemAnalogExtras extras) {
        return new BankDetails(modules, moduleAges, bankInfo, moduleAlarms, Optional.of(extras));
    }

    /**
     * {@return the module at {@code address}, if the source has its details}
     *
     * @param address the module's RS485 address
     */
    public Optional<ModuleDetails> module(int address) {
        return Optional.ofNullable(modules.get(address));
    }
}
