package io.pylon4j.driver.commission;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the installer knows about the bank: how many modules of which type, in how many groups, and which modules
 * were just added. Checks that need an expectation that is missing report {@link Verdict#SKIPPED}.
 *
 * @param modules           the modules the installer connected, all groups together
 * @param groups            the groups (1 without an LV-Hub; up to 6 behind one)
 * @param rating            the module type's per-module current figures
 * @param newModuleAddresses RS485 addresses of modules just added to the bank (their SOC must be within 2 % of the
 *                          bank's before they join); empty when none was added
 */
public record Expectations(OptionalInt modules, int groups, Optional<ModuleRating> rating,
                           Set<Integer> newModuleAddresses) {

    /** Nothing known: every check that needs an expectation is skipped. */
    public static final Expectations NONE = new Expectations(OptionalInt.empty(), 1, Optional.empty(), Set.of());

    /**
     * Validates and copies the set.
     *
     * @param modules            the modules the installer connected, all groups together, ≥ 1 when present
     * @param groups             the groups, ≥ 1
     * @param rating             the module type's per-module current figures, if known
     * @param newModuleAddresses RS485 addresses of modules just added; empty when none was
     * @throws IllegalArgumentException if {@code modules} or {@code groups} is below 1
     */
    public Expectations {
        Objects.requireNonNull(modules, "modules");
        Objects.requireNonNull(rating, "rating");
        newModuleAddresses = Set.copyOf(newModuleAddresses);
        if (modules.isPresent() && modules.getAsInt() < 1) {
            throw new IllegalArgumentException("expected modules must be ≥ 1: " + modules.getAsInt());
        }
        if (groups < 1) {
            throw new IllegalArgumentException("groups must be ≥ 1: " + groups);
        }
    }

    /**
     * {@code modules} modules of type {@code rating} in one group.
     *
     * @param modules the number of modules, ≥ 1
     * @param rating  their type's current figures
     * @return the expectations, no new modules
     */
    public static Expectations of(int modules, ModuleRating rating) {
        return new Expectations(OptionalInt.of(modules), 1, Optional.of(rating), Set.of());
    }

    /**
     * These expectations with {@code count} modules.
     *
     * @param count the number of modules in all groups, ≥ 1
     * @return the new expectations
     */
    public Expectations withModules(int count) {
        return new Expectations(OptionalInt.of(count), groups, rating, newModuleAddresses);
    }

    /**
     * These expectations with {@code count} groups.
     *
     * @param count the number of groups, ≥ 1
     * @return the new expectations
     */
    public Expectations withGroups(int count) {
        return new Expectations(modules, count, rating, newModuleAddresses);
    }

    /**
     * These expectations with a module type.
     *
     * @param value the module type's current figures
     * @return the new expectations
     */
    public Expectations withRating(ModuleRating value) {
        return new Expectations(modules, groups, Optional.of(value), newModuleAddresses);
    }

    /**
     * These expectations with the RS485 addresses of newly added modules.
     *
     * @param addresses RS485 addresses of the modules just added
     * @return the new expectations
     */
    public Expectations withNewModules(Set<Integer> addresses) {
        return new Expectations(modules, groups, rating, addresses);
    }
}
