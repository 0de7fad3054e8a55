package io.pylon4j.transport.serial.internal;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import io.pylon4j.transport.serial.SerialSettings;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One open serial port on jSerialComm, safe to read on one thread, write on others and close from any: the only
 * class of this module that touches jSerialComm's {@code SerialPort}.
 *
 * <p><b>Reads</b> are semi-blocking with a {@link #READ_WAKE_UP} timeout, 100 ms (termios {@code VMIN=0,
 * VTIME=1}): a read returns as soon as bytes arrive, or with 0 after the timeout, so that the reader thread sees a
 * close or a vanished device without busy looping. jSerialComm turns the read timeout into deciseconds, so anything
 * below 100 ms would become a non-blocking spin.
 *
 * <p><b>A vanished device</b> (USB converter unplugged, pseudo-terminal master gone) is reported by
 * {@link #read(byte[])} throwing: the kernel hangs the tty up, so {@code read} fails with {@code EIO} and jSerialComm
 * returns -1. The device path is also checked on every idle wake-up, for drivers that keep the file descriptor
 * quiet instead. Reconnecting is the transport's job: it opens a new {@code PortLink} on the same path, which
 * resolves a symbolic link (udev's {@code /dev/serial/by-id/…}, socat's {@code link=}) afresh.
 *
 * <p><b>Closing</b> takes the write side of a read-write lock that every read and write holds on its read side:
 * jSerialComm does not synchronise {@code readBytes} with {@code closePort}, and closing the file descriptor under
 * a running native read could let that read continue on a descriptor number the process has since reused. A read
 * returns within {@link #READ_WAKE_UP}, so close waits at most that long for readers; a writer stuck on
 * a full output queue is waited for at most {@link #CLOSE_WAIT}. jSerialComm's close flushes ({@code TCIOFLUSH})
 * what the device has not taken yet; on a pseudo-terminal that includes bytes the other side has not read, so a
 * last command must be confirmed by the device before closing (as {@code SlcanTransport} does with {@code C}).
 */
public final class PortLink implements AutoCloseable {

    /** How often a blocked read wakes up to look for a close or a vanished device. */
    public static final Duration READ_WAKE_UP = Duration.ofMillis(100);
    /** How long {@link #close()} waits for a read or write in progress before closing anyway. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    /** This many zero-length reads in a row, each returning well before the timeout, mean the port is dead. */
    private static final int EARLY_EMPTY_READS_LIMIT = 1000;
    private static final long EARLY_NANOS = READ_WAKE_UP.toNanos() / 10;

    private final String device;
    private final Path path;
    private final SerialPort port;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final ReentrantLock writeMutex = new ReentrantLock();
    private boolean closed; // guarded by lifecycle
    private int earlyEmptyReads; // reader thread only

    private PortLink(String device, Path path, SerialPort port) {
        this.device = device;
        this.path = path;
        this.port = port;
    }

    /**
     * Opens a serial port with the given line settings, no flow control.
     *
     * @param device a device path ({@code /dev/ttyUSB0}, a symbolic link to one) or a port name ({@code COM3})
     * @throws NoSuchFileException if the device path does not exist (unplugged)
     * @throws IOException         if the port cannot be opened or configured; the message says why (permissions,
     *                             in use by another program)
     */
    public static PortLink open(String device, SerialSettings settings) throws IOException {
        Path path = device.startsWith("/") ? Path.of(device) : null;
        if (path != null && !Files.exists(path)) {
            throw new NoSuchFileException(device, null, "serial device does not exist (unplugged?)");
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(device);
        } catch (SerialPortInvalidPortException e) {
            throw new NoSuchFileException(device, null, "no such serial port: " + e.getMessage());
        }
        port.setComPortParameters(settings.baudRate(), settings.dataBits(), stopBits(settings),
                parity(settings));
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, (int) READ_WAKE_UP.toMillis(), 0);
        if (!port.openPort(0)) {
            int errno = port.getLastErrorCode();
            throw new IOException(device + " (" + port.getSystemPortPath() + "): cannot open the serial port: "
                    + explain(errno, path == null || Files.exists(path)));
        }
        return new PortLink(device, path, port);
    }

    /** The device as given to {@link #open}. */
    public String device() {
        return device;
    }

    /**
     * Reads what is there, waiting at most {@link #READ_WAKE_UP} for the first byte.
     *
     * @return the number of bytes read, 0 if none arrived in time
     * @throws ClosedChannelException if this link was closed
     * @throws IOException            if the device vanished or failed
     */
    public int read(byte[] buffer) throws IOException {
        int n;
        int errno;
        long started = System.nanoTime();
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new ClosedChannelException();
            }
            n = port.readBytes(buffer, buffer.length);
            errno = n < 0 ? port.getLastErrorCode() : 0;
        } finally {
            lifecycle.readLock().unlock();
        }
        if (n < 0) {
            throw new IOException(device + ": the serial port failed or vanished (read error, errno " + errno + ")");
        }
        if (n == 0) {
            if (path != null && !Files.exists(path)) {
                throw new NoSuchFileException(device, null, "the serial device disappeared (unplugged?)");
            }
            // a driver that neither waits nor fails would otherwise make this thread spin
            earlyEmptyReads = System.nanoTime() - started < EARLY_NANOS ? earlyEmptyReads + 1 : 0;
            if (earlyEmptyReads >= EARLY_EMPTY_READS_LIMIT) {
                throw new IOException(device + ": the serial port returns no data without waiting; treating it as"
                        + " gone");
            }
        } else {
            earlyEmptyReads = 0;
        }
        return n;
    }

    /**
     * Writes all bytes; concurrent writes do not interleave.
     *
     * @throws ClosedChannelException if this link was closed
     * @throws IOException            if the port failed
     */
    public void write(byte[] data, int offset, int length) throws IOException {
        writeMutex.lock();
        try {
            lifecycle.readLock().lock();
            try {
                if (closed) {
                    throw new ClosedChannelException();
                }
                int written = port.writeBytes(data, length, offset);
                if (written != length) {
                    throw new IOException(device + ": writing " + length + " bytes failed after " + Math.max(0, written)
                            + " (errno " + port.getLastErrorCode() + ")");
                }
            } finally {
                lifecycle.readLock().unlock();
            }
        } finally {
            writeMutex.unlock();
        }
    }

    /** Throws away bytes received but not read yet (stale replies of a previous session). */
    public void discardInput() {
        lifecycle.readLock().lock();
        try {
            if (!closed) {
                port.flushIOBuffers();
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Closes the port; idempotent. Waits for a read in progress, see the class comment. */
    @Override
    public void close() {
        boolean locked = false;
        boolean interrupted = false;
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        while (!locked) {
            try {
                locked = lifecycle.writeLock().tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!locked) {
                    break; // a writer is stuck on a full queue: close anyway rather than hang the caller
                }
            } catch (InterruptedException e) {
                interrupted = true; // keep waiting for the bounded time, then restore the flag
            }
        }
        try {
            if (!closed) {
                closed = true;
                port.closePort();
            }
        } finally {
            if (locked) {
                lifecycle.writeLock().unlock();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int stopBits(SerialSettings settings) {
        return switch (settings.stopBits()) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private static int parity(SerialSettings settings) {
        return switch (settings.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    /**
     * A hint for the errno values users actually meet when opening a serial port on Linux. jSerialComm reports 2 both
     * for a missing device and for a port this process has open already.
     */
    static String explain(int errno, boolean exists) {
        return switch (errno) {
            case 2 -> exists ? "it is open already in this program (jSerialComm error 2)" : "no such device (errno 2)";
            case 13 -> "permission denied (errno 13); add the user to the group owning the device, usually 'dialout'";
            case 11, 16 -> "the port is in use by another program (errno " + errno + ")";
            case 0 -> "the port could not be opened or configured";
            default -> "errno " + errno;
        };
    }
}
