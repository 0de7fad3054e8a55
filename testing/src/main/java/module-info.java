/**
 * Test support for pylon4j and for applications that embed it: {@link io.pylon4j.testing.ManualScheduler}, the one
 * virtual-time {@link io.pylon4j.transport.time.Scheduler}, and transports that inject faults on explicit calls
 * ({@link io.pylon4j.testing.FaultInjectingCanTransport}, {@link io.pylon4j.testing.FaultInjectingByteStreamTransport}),
 * and {@link io.pylon4j.testing.SlcanAdapterEmulator}, an SLCAN adapter's side of a serial line.
 * JDK only and free of any test framework, so that it serves JUnit, TestNG or a plain {@code main}.
 */
module io.pylon4j.testing {
    requires transitive io.pylon4j.transport;

    exports io.pylon4j.testing;
}
