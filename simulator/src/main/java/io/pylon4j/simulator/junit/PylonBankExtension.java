package io.pylon4j.simulator.junit;

import io.pylon4j.simulator.ModulePreset;
import io.pylon4j.simulator.SimulatedBank;
import io.pylon4j.simulator.frontend.SimulatorServer;
import io.pylon4j.transport.ByteStreamTransport;
import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Transport;
import io.pylon4j.transport.Transports;
import io.pylon4j.transport.tcplisten.TcpListenTransport;
import io.pylon4j.transport.tcplisten.TcpListenTransportProvider;
import io.pylon4j.transport.virtual.VirtualTransportProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link PylonBank}: resolves a {@link SimulatedBankHandle} parameter of a test method
 * by building the bank the annotation describes, serving it, and closing everything (front ends, transports, the
 * scheduler thread if any, clients the handle made) when the test ends. Each test method gets its own bank and its
 * own in-memory buses.
 */
public final class PylonBankExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PylonBankExtension.class);
    private static final AtomicLong IDS = new AtomicLong();

    /** The extension (JUnit makes it through {@link PylonBank}'s {@code @ExtendWith}). */
    public PylonBankExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SimulatedBankHandle.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        PylonBank spec = annotation(context).orElseThrow(() -> new ParameterResolutionException(
                "a SimulatedBankHandle parameter needs @PylonBank on the test method or class"));
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent("handle", key -> new Resource(start(spec)), Resource.class).handle;
    }

    private static Optional<PylonBank> annotation(ExtensionContext context) {
        Optional<PylonBank> onMethod = context.getTestMethod().map(m -> m.getAnnotation(PylonBank.class));
        if (onMethod.isPresent()) {
            return onMethod;
        }
        Optional<Class<?>> type = context.getTestClass();
        while (type.isPresent()) {
            PylonBank a = type.get().getAnnotation(PylonBank.class);
            if (a != null) {
                return Optional.of(a);
            }
            type = Optional.ofNullable(type.get().getEnclosingClass());
        }
        return Optional.empty();
    }

    static SimulatedBankHandle start(PylonBank spec) {
        SimulatedBank bank = SimulatedBank.builder(ModulePreset.named(spec.preset())).groups(spec.groups())
                .modulesPerGroup(spec.modules()).stateOfCharge(spec.soc()).build();
        VirtualTransportProvider virtual = new VirtualTransportProvider();
        Transports transports = new Transports(List.of(virtual, new TcpListenTransportProvider()));
        String name = "pylon-bank-" + IDS.incrementAndGet();
        SimulatorServer.Builder builder = SimulatorServer.builder(bank).frameSet(spec.profile());
        Consumer<Duration> clock = spec.manualTime() ? ManualTime.install(builder) : null;
        String canEndpoint = null;
        List<Transport> virtualSides = new ArrayList<>();
        if (spec.can()) {
            canEndpoint = "virtual:" + name + "-can";
            CanTransport can = transports.can(canEndpoint);
            virtualSides.add(can);
            builder.can(can);
        }
        String rs485Endpoint = null;
        int port = 0;
        if (spec.rs485()) {
            if (spec.transport() == PylonBank.Transport.TCP) {
                ByteStreamTransport listen = transports.byteStream("tcp-listen:0");
                port = ((TcpListenTransport) listen).localPort();
                rs485Endpoint = "tcp:127.0.0.1:" + port;
                builder.rs485(listen);
            } else {
                rs485Endpoint = "virtual:" + name + "-rs485";
                ByteStreamTransport rs485 = transports.byteStream(rs485Endpoint);
                virtualSides.add(rs485);
                builder.rs485(rs485);
            }
        }
        SimulatorServer server = builder.build();
        server.start();
        try {
            for (Transport t : virtualSides) { // joined before the first cycle, so that no frame is dropped
                t.open().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
            throw new ParameterResolutionException("interrupted while starting the simulated bank", e);
        } catch (ExecutionException | TimeoutException e) {
            server.close();
            throw new ParameterResolutionException("the simulated bank's virtual buses did not open", e);
        }
        if (clock != null) {
            clock.accept(Duration.ZERO); // the first CAN cycle goes out at once
        }
        return new SimulatedBankHandle(server, clock, transports, canEndpoint, rs485Endpoint, port);
    }

    /**
     * Manual time from {@code pylon4j-testing} (an optional dependency, like JUnit): this class alone names
     * {@link io.pylon4j.testing.ManualScheduler}, so a test with {@code manualTime = false} runs without that jar.
     */
    private static final class ManualTime {
        static Consumer<Duration> install(SimulatorServer.Builder builder) {
            io.pylon4j.testing.ManualScheduler scheduler;
            try {
                scheduler = new io.pylon4j.testing.ManualScheduler();
            } catch (NoClassDefFoundError e) {
                throw new ParameterResolutionException("@PylonBank(manualTime = true) needs io.pylon4j:pylon4j-testing"
                        + " on the test class path (module io.pylon4j.testing), or manualTime = false", e);
            }
            builder.scheduler(scheduler);
            return scheduler::advance;
        }
    }

    /** Closes the handle when JUnit discards the test's store. */
    private static final class Resource implements ExtensionContext.Store.CloseableResource {
        final SimulatedBankHandle handle;

        Resource(SimulatedBankHandle handle) {
            this.handle = handle;
        }

        @Override
        public void close() {
            handle.close();
        }
    }
}
