package io.pylon4j.transport.replay;

import io.pylon4j.transport.CanTransport;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.InvalidEndpointException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.TransportProvider;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code replay:FILE[?pace=recorded|fast][&loop=N]} scheme: a candump log played back as a CAN transport (see
 * {@link ReplayCanTransport}). FILE is a path, relative to the working directory unless absolute; it must exist
 * when the transport is created, so that a typo fails at once rather than as a connection that never comes up.
 */
public final class ReplayTransportProvider implements TransportProvider {

    /** Found by {@link java.util.ServiceLoader}. */
    public ReplayTransportProvider() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of("replay");
    }

    @Override
    public boolean isCan(String scheme) {
        return true;
    }

    @Override
    public CanTransport createCan(Endpoint endpoint, TransportOptions options) {
        for (String key : endpoint.parameters().keySet()) {
            if (!key.equals("pace") && !key.equals("loop")) {
                throw new InvalidEndpointException("endpoint '" + endpoint + "': unknown parameter '" + key
                        + "'; replay: takes pace=recorded|fast and loop=N");
            }
        }
        String paceText = endpoint.parameters().getOrDefault("pace", "recorded");
        ReplayCanTransport.Pace pace = switch (paceText.toLowerCase(Locale.ROOT)) {
            case "recorded" -> ReplayCanTransport.Pace.RECORDED;
            case "fast" -> ReplayCanTransport.Pace.FAST;
            default -> throw new InvalidEndpointException("endpoint '" + endpoint + "': pace=" + paceText
                    + " is not recorded or fast");
        };
        int loops = endpoint.intParameter("loop", 1);
        if (loops < 0) {
            throw new InvalidEndpointException("endpoint '" + endpoint + "': loop=" + loops
                    + " is negative (0 means endless)");
        }
        Path file;
        try {
            file = Path.of(endpoint.target());
        } catch (InvalidPathException e) {
            throw new InvalidEndpointException("endpoint '" + endpoint + "': '" + endpoint.target()
                    + "' is not a file path: " + e.getMessage());
        }
        if (Files.isDirectory(file)) {
            throw new InvalidEndpointException("endpoint '" + endpoint + "': " + file.toAbsolutePath()
                    + " is a directory, not a log file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new InvalidEndpointException("endpoint '" + endpoint + "': no readable file " + file.toAbsolutePath());
        }
        return new ReplayCanTransport(endpoint, file, pace, loops, options);
    }
}
