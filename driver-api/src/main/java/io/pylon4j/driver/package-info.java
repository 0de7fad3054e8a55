/**
 * The inverter-side driver: typed events, supervision and the bank model (filled by a later issue).
 */
package io.pylon4j.driver;
