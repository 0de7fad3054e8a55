/**
 * A simulated Pylontech bank on the battery side (filled by a later issue).
 */
package io.pylon4j.simulator;
