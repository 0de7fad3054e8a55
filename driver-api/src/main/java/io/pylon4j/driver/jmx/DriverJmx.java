package io.pylon4j.driver.jmx;

import io.pylon4j.driver.PylonDriver;

import java.lang.management.ManagementFactory;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanRegistrationException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Exposes a {@link PylonDriver} through JMX as a {@link PylonDriverMXBean}. Registration is explicit and owned by
 * the caller — nothing registers itself, and nothing here keeps state:
 *
 * <pre>{@code
 * try (PylonDriver driver = PylonDriver.openCan("socketcan:can0", options);
 *      DriverJmx.Registration jmx = DriverJmx.register(driver, ManagementFactory.getPlatformMBeanServer())) {
 *     driver.start();
 *     ...
 * }
 * }</pre>
 *
 * <p>The name is {@code io.pylon4j:type=Driver,bank=<bank id>} with the id always {@linkplain ObjectName#quote
 * quoted}, so any id (commas, equals signs, quotes, asterisks) gives a valid, non-pattern name. The bean is
 * unregistered by {@link Registration#close()} or, whichever comes first, when the driver closes (through
 * {@link PylonDriver#whenClosed()}, on the closing thread): both go through one idempotent close, so a bean is
 * unregistered once, and a registration closed early never touches a later bean registered under the same name.
 */
public final class DriverJmx {

    /** The JMX domain of every pylon4j bean. */
    public static final String DOMAIN = "io.pylon4j";

    private DriverJmx() {
    }

    /**
     * The name a driver for {@code bankId} is registered under.
     *
     * @param bankId the bank id, any string (it is quoted)
     * @return the ObjectName, never a pattern
     */
    public static ObjectName objectName(String bankId) {
        Objects.requireNonNull(bankId, "bankId");
        try {
            return new ObjectName(DOMAIN + ":type=Driver,bank=" + ObjectName.quote(bankId));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("bank id gives no valid ObjectName: " + bankId, e); // quoted: not reached
        }
    }

    /**
     * Registers {@code driver} with the platform MBean server.
     *
     * @param driver the driver to expose; not closed
     * @return the handle whose {@link Registration#close()} unregisters the bean
     * @throws IllegalStateException if the driver is closed, or a bean is already registered under its name
     */
    public static Registration register(PylonDriver driver) {
        return register(driver, ManagementFactory.getPlatformMBeanServer());
    }

    /**
     * Registers {@code driver} with {@code server} under {@link #objectName(String) objectName(bankId)}.
     *
     * @param driver the driver to expose; not closed
     * @param server the MBean server to register with
     * @return the handle whose {@link Registration#close()} unregisters the bean
     * @throws IllegalStateException if the driver is closed, or a bean is already registered under that name
     *                               (two drivers with one bank id)
     */
    public static Registration register(PylonDriver driver, MBeanServer server) {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(server, "server");
        if (driver.isClosed()) {
            throw new IllegalStateException("driver " + driver.bankId() + " is closed: nothing to register");
        }
        ObjectName name = objectName(driver.bankId());
        try {
            server.registerMBean(new StandardMBean(new DriverMXBeanImpl(driver), PylonDriverMXBean.class, true), name);
        } catch (InstanceAlreadyExistsException e) {
            throw new IllegalStateException("an MBean is already registered as " + name
                    + " (two drivers with bank id " + driver.bankId() + "?)", e);
        } catch (JMException e) {
            throw new IllegalStateException("cannot register " + name + ": " + e.getMessage(), e);
        }
        Registration registration = new Registration(server, name);
        // a driver closed meanwhile runs this at once: the bean never outlives the driver for long
        driver.whenClosed().thenRun(registration::close);
        return registration;
    }

    /** One registered bean; {@link #close()} unregisters it. Thread-safe. */
    public static final class Registration implements AutoCloseable {
        private final MBeanServer server;
        private final ObjectName name;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Registration(MBeanServer server, ObjectName name) {
            this.server = server;
            this.name = name;
        }

        /**
         * The bean's name.
         *
         * @return the ObjectName it was registered under
         */
        public ObjectName name() {
            return name;
        }

        /**
         * Whether this registration was closed (by the caller or by the driver closing).
         *
         * @return true once closed
         */
        public boolean isClosed() {
            return closed.get();
        }

        /** Unregisters the bean; idempotent, never throws (a bean someone else removed already is fine). */
        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                server.unregisterMBean(name);
            } catch (InstanceNotFoundException | MBeanRegistrationException e) {
                // gone already, or a server-side hook failed: either way the bean is no longer ours to remove
            }
        }

        @Override
        public String toString() {
            return "DriverJmx.Registration[" + name + (closed.get() ? ", closed]" : "]");
        }
    }
}
