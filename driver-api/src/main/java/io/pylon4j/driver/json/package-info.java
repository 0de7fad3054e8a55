/**
 * The one JSON writer of pylon4j ({@link io.pylon4j.driver.json.JsonWriter}): every {@code pylon} command and the
 * driver's event and status JSON write through it, so a number is written the same way everywhere (the rule is in
 * its Javadoc and in {@code docs/driver-events.md}). JDK only.
 */
package io.pylon4j.driver.json;
