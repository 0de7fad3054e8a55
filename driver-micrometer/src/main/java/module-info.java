/**
 * A Micrometer {@code MeterBinder} for the pylon4j driver: counters, frame rates, supervision state and field ages
 * as meters named {@code pylon4j.*}, tagged with the bank. The only pylon4j module that depends on Micrometer.
 *
 * <p>Micrometer 1.x jars are automatic modules: {@code micrometer.core} is the {@code Automatic-Module-Name} of
 * micrometer-core (it brings {@code micrometer.commons} and {@code micrometer.observation} along).
 */
module io.pylon4j.driver.micrometer {
    requires transitive io.pylon4j.driver;
    requires transitive micrometer.core;

    exports io.pylon4j.driver.micrometer;
}
