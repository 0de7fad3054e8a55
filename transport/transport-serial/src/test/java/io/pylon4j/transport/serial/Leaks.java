package io.pylon4j.transport.serial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a test checks after closing a transport: its threads are gone and its file descriptors released. */
final class Leaks {

    private Leaks() {
    }

    /** Live threads whose name starts with {@code prefix}: a transport's threads carry its options' prefix. */
    static List<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .map(Thread::getName)
                .collect(Collectors.toList());
    }

    /** This process's open file descriptors, by their targets ({@code /dev/pts/3}, {@code socket:[…]}). */
    static List<String> openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    return "(gone: the directory listing's own descriptor)";
                }
            }).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
