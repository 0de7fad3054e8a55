/**
 * The test binding: classes the integration test packs into a bundle of their own and installs into Felix, where
 * Declarative Services activates them as it activates an openHAB binding's handlers. They see only what the
 * framework exports to them (the pylon4j bundles, the OSGi framework API, the JDK): no JUnit, no test class path.
 * They report what they saw through a {@code java.util.function.Consumer} service the test registers.
 */
package io.pylon4j.osgi.it.binding;
