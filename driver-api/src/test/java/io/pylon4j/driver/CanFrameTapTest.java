package io.pylon4j.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanFrameListener;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.virtual.VirtualByteBus;
import io.pylon4j.transport.virtual.VirtualCanBus;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PylonDriver#canFrameTap()} on the real in-memory CAN bus: a tap sees every frame the driver receives, in
 * order, while the driver still decodes them; a tap that throws costs the driver nothing; closing the registration
 * stops the frames; an RS485 driver has no tap; and the tap hands out nothing that can send.
 */
class CanFrameTapTest {

    final VirtualCanBus bus = new VirtualCanBus("tap-test");
    final CanTransport battery = bus.newMember();
    final CanTransport inverterSide = bus.newMember();
    final PylonDriver driver = PylonDriver.can(inverterSide, DriverOptions.builder("bank-1").build());

    @AfterEach
    void close() {
        driver.close();
        battery.close();
        inverterSide.close();
    }

    @Test
    void aTapSeesEveryFrameTheDriverReceivesInOrderAndTheDriverStillDecodesThem() throws Exception {
        battery.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        driver.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<CanFrame> seen = new CopyOnWriteArrayList<>();
        CanFrameTap.Registration registration = driver.canFrameTap().orElseThrow()
                .listen((frame, receivedNanoTime) -> seen.add(frame));
        battery.send(CanDriverTest.L351);
        battery.send(CanDriverTest.S355);
        battery.send(CanDriverTest.M356);
        await(() -> seen.size() == 3 && driver.status().batteryLimits().isPresent());
        assertThat(seen).containsExactly(CanDriverTest.L351, CanDriverTest.S355, CanDriverTest.M356);
        assertThat(driver.counters().canFrames()).isEqualTo(3);

        registration.close();
        registration.close(); // idempotent
        battery.send(CanDriverTest.F359);
        await(() -> driver.counters().canFrames() == 4);
        assertThat(seen).hasSize(3);
    }

    @Test
    void aTapThatThrowsIsCountedByTheTransportAndTheDriverKeepsEveryFrame() throws Exception {
        battery.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
        driver.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<CanFrame> second = new CopyOnWriteArrayList<>();
        CanFrameTap tap = driver.canFrameTap().orElseThrow();
        tap.listen((frame, t) -> {
            throw new IllegalStateException("a broken tap");
        });
        tap.listen((frame, t) -> second.add(frame));
        long errorsBefore = inverterSide.counters().errors();
        battery.send(CanDriverTest.L351);
        battery.send(CanDriverTest.S355);
        await(() -> second.size() == 2 && driver.counters().canFrames() == 2);
        assertThat(driver.status().batteryLimits()).isPresent();
        assertThat(inverterSide.counters().errors() - errorsBefore).isEqualTo(2);
    }

    @Test
    void anRs485DriverHasNoCanTap() {
        VirtualByteBus rs485 = new VirtualByteBus("tap-test-rs485");
        try (var link = rs485.newMember();
             PylonDriver rs485Driver = PylonDriver.rs485(link, DriverOptions.builder("bank-2").build())) {
            assertThat(rs485Driver.canFrameTap()).isEmpty();
        }
        assertThat(driver.canFrameTap()).isPresent();
    }

    @Test
    void theTapHandsOutNothingThatCanSend() {
        List<Method> methods = Arrays.stream(CanFrameTap.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).toList();
        assertThat(methods).extracting(Method::getName).containsExactly("listen");
        assertThat(methods.get(0).getParameterTypes()).containsExactly(CanFrameListener.class);
        assertThat(methods.get(0).getReturnType()).isEqualTo(CanFrameTap.Registration.class);
        assertThat(Arrays.stream(CanFrameTap.Registration.class.getMethods()).map(Method::getName))
                .containsExactly("close");
        assertThat(CanFrameTap.class.getConstructors()).as("only the driver makes a tap").isEmpty();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("not reached within 10 s").isNegative();
            Thread.sleep(5);
        }
    }
}
