package io.pylon4j.transport.socketcan;

import io.pylon4j.can.CanFrame;
import io.pylon4j.transport.CanIdFilter;
import io.pylon4j.transport.Endpoint;
import io.pylon4j.transport.TransportIoException;
import io.pylon4j.transport.TransportOptions;
import io.pylon4j.transport.spi.BlockingCanTransport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import tel.schich.javacan.CanChannels;
import tel.schich.javacan.CanFilter;
import tel.schich.javacan.CanSocketOptions;
import tel.schich.javacan.JavaCAN;
import tel.schich.javacan.NetworkDevice;
import tel.schich.javacan.RawCanChannel;
import tel.schich.javacan.RawReceiveMessageHeaderBuffer;
import tel.schich.javacan.platform.linux.LinuxNativeOperationException;

/**
 * A CAN transport on a Linux SocketCAN interface ({@code socketcan:can0}): one raw CAN socket, read by the
 * transport's own thread. Create it with {@link io.pylon4j.transport.Transports#can(String)}.
 *
 * <p>Beyond {@link io.pylon4j.transport.CanTransport}:
 * <ul>
 *   <li>{@link #setReceiveFilter} installs kernel filters ({@code CAN_RAW_FILTER}), so frames nobody asked for never
 *       reach Java; extended, remote and error frames are never delivered as {@link CanFrame}s.</li>
 *   <li>Error frames (bus-off, error-passive, no ACK, ...) are counted in
 *       {@link io.pylon4j.transport.TransportCounters#errors()} and handed to {@link CanErrorFrameListener}s:
 *       {@code if (can instanceof SocketCanTransport s) s.addErrorFrameListener(...)}.</li>
 *   <li>Frames the kernel had to drop because this reader fell behind ({@code SO_RXQ_OVFL}) are counted in
 *       {@link io.pylon4j.transport.TransportCounters#droppedFrames()}.</li>
 *   <li>An interface that goes down ({@code ip link set can0 down}) or is deleted is a fault like a pulled cable:
 *       the state goes to {@code WAITING_TO_RECONNECT} with the cause, and back to {@code CONNECTED} once the
 *       interface exists and is up again.</li>
 *   <li>{@link #send} blocks at most {@value #SEND_TIMEOUT_MILLIS} ms ({@code SO_SNDTIMEO}): when the kernel's
 *       queues for the interface stay full the frame is refused with a {@link TransportIoException} and counted
 *       as dropped.</li>
 * </ul>
 *
 * <p>Threading: the thread {@code PREFIX-socketcan-IFACE} blocks in {@code recvmsg}. Linux does not wake a thread
 * blocked on a socket when another thread closes it (and the freed descriptor number may be reused at once), so
 * the socket is only ever closed by that thread: {@link #close()} asks it to stop, and the socket's receive
 * timeout ({@value #WAKE_INTERVAL_MILLIS} ms, {@code SO_RCVTIMEO}) bounds how long that takes on a silent bus.
 * JavaCAN's epoll selector, which would avoid the timeout, cannot be used: its jar splits packages with
 * {@code javacan-core}, which the module system refuses.
 */
public final class SocketCanTransport extends BlockingCanTransport {

    /** How often a thread blocked on a silent bus wakes to see whether it was asked to stop. */
    static final long WAKE_INTERVAL_MILLIS = 200;

    private static final int ENETDOWN = 100;
    private static final int ENODEV = 19;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;
    /** What the transport asks for as {@code SO_RCVBUF}; the kernel grants at most 2 × net.core.rmem_max. */
    static final int RECEIVE_BUFFER_REQUEST = 4 << 20;

    /** How long a send may wait for room in the socket's send buffer before the frame is refused. */
    static final long SEND_TIMEOUT_MILLIS = 100;
    /** {@code IFF_UP} of {@code /sys/class/net/IFACE/flags}. */
    private static final int IFF_UP = 0x1;
    /** {@code ARPHRD_CAN} of {@code /sys/class/net/IFACE/type}. */
    private static final int ARPHRD_CAN = 280;
    /** {@code sizeof(struct can_frame)}: can_id (4), len (1), pad, res, len8_dlc, data (8). */
    private static final int CAN_FRAME_SIZE = 16;
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private final String interfaceName;
    private final List<CanErrorFrameListener> errorListeners = new CopyOnWriteArrayList<>();

    /**
     * Guards {@link #channel} and {@link #txBuffer}: every use of the socket by a thread other than the reader
     * (send, filter change) and its release happen under it, so nobody touches a closed descriptor.
     */
    private final ReentrantLock linkLock = new ReentrantLock();
    private volatile RawCanChannel channel;
    private final ByteBuffer txBuffer = JavaCAN.allocateUnordered(CAN_FRAME_SIZE).order(ByteOrder.nativeOrder());

    /** The transport's thread, set by connect(); disconnect() on any other thread only asks it to stop. */
    private volatile Thread ioThread;
    private volatile boolean stopping;

    SocketCanTransport(Endpoint endpoint, String interfaceName, TransportOptions options) {
        super(endpoint, options);
        this.interfaceName = Objects.requireNonNull(interfaceName, "interfaceName");
    }

    /**
     * The Linux network interface this transport binds to.
     *
     * @return the interface name from the endpoint, {@code can0} or {@code vcan0}
     */
    public String interfaceName() {
        return interfaceName;
    }

    /**
     * Adds a listener for error frames, called on the transport's I/O thread in arrival order.
     *
     * @param listener called with each error frame the kernel reports; must not block
     */
    public void addErrorFrameListener(CanErrorFrameListener listener) {
        errorListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a listener added with {@link #addErrorFrameListener}; does nothing if it was not added.
     *
     * @param listener the listener to stop calling
     */
    public void removeErrorFrameListener(CanErrorFrameListener listener) {
        errorListeners.remove(listener);
    }

    // --- BlockingTransport ---------------------------------------------------------------------------------------

    @Override
    protected void connect() throws IOException {
        ioThread = Thread.currentThread();
        loadJavaCan();
        checkInterface();
        NetworkDevice device;
        try {
            device = NetworkDevice.lookup(interfaceName);
        } catch (LinuxNativeOperationException e) {
            throw linkFault("looking up interface " + interfaceName, e);
        }
        RawCanChannel ch;
        try {
            ch = CanChannels.newRawChannel();
        } catch (LinuxNativeOperationException e) {
            throw new TransportIoException(endpoint() + ": cannot open a CAN_RAW socket (" + e.getMessage()
                    + "); does this kernel have SocketCAN (modules can, can-raw)?", e);
        }
        try {
            ch.setOption(CanSocketOptions.SO_RCVTIMEO, Duration.ofMillis(WAKE_INTERVAL_MILLIS));
            ch.setOption(CanSocketOptions.SO_SNDTIMEO, Duration.ofMillis(SEND_TIMEOUT_MILLIS));
            // as much receive queue as net.core.rmem_max allows (the kernel caps the request there, then doubles
            // it): on a stock kernel twice the default, so a reader held up by a GC pause or a busy CPU loses
            // nothing for longer
            ch.setOption(CanSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_REQUEST);
            ch.setOption(CanSocketOptions.ERR_FILTER, KernelFilters.CAN_ERR_MASK);
            ch.setOption(CanSocketOptions.SO_RXQ_OVFL, true);
            ch.setOption(CanSocketOptions.RECV_OWN_MSGS, false);
            linkLock.lock();
            try {
                // the filter goes in before bind, so that no unfiltered frame is queued in between; and under the
                // lock, so that a setReceiveFilter() racing with this connect is not lost
                install(ch, receiveFilter());
                ch.bind(device);
                channel = ch;
            } finally {
                linkLock.unlock();
            }
        } catch (LinuxNativeOperationException e) {
            closeQuietly(ch);
            throw linkFault("setting up the socket on " + interfaceName, e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    @Override
    protected void readLoop() throws IOException {
        RawCanChannel ch;
        linkLock.lock();
        try {
            ch = channel;
        } finally {
            linkLock.unlock();
        }
        if (ch == null) {
            return;
        }
        ByteBuffer buffer = JavaCAN.allocateOrdered(RawCanChannel.MTU);
        RawReceiveMessageHeaderBuffer header = new RawReceiveMessageHeaderBuffer();
        long idleNanos = options().readIdleTimeout().toNanos();
        long lastActivity = System.nanoTime();
        long kernelDrops = 0; // SO_RXQ_OVFL: the socket's drop count so far, as the kernel reports it (u32)
        while (!stopping && channel == ch) { // channel changes only on this thread (or under close() from a listener)
            buffer.clear();
            long n;
            try {
                n = ch.receiveUnsafe(buffer, header);
            } catch (LinuxNativeOperationException e) {
                if (e.getErrorNumber() == EAGAIN || e.getErrorNumber() == EINTR) { // the wake-up interval passed
                    if (idleNanos > 0 && System.nanoTime() - lastActivity >= idleNanos) {
                        throw new TransportIoException(endpoint() + ": nothing received for "
                                + options().readIdleTimeout());
                    }
                    continue;
                }
                throw linkFault("receiving", e);
            }
            long now = System.nanoTime();
            lastActivity = now;
            long drops = header.getDropCount() & 0xFFFF_FFFFL;
            if (drops != kernelDrops) {
                for (long i = (drops - kernelDrops) & 0xFFFF_FFFFL; i > 0; i--) {
                    metrics().droppedFrame();
                }
                kernelDrops = drops;
            }
            if (n != CAN_FRAME_SIZE) { // CAN FD frames are not enabled; anything else is not a classic frame
                metrics().droppedFrame();
                continue;
            }
            int canId = buffer.getInt(0);
            int length = buffer.get(4) & 0xFF;
            // bytesIn counts data bytes (TransportCounters), of every frame read: error and undeliverable ones too
            metrics().bytesIn(Math.min(length, CanFrame.MAX_LENGTH));
            long data = LITTLE_ENDIAN ? buffer.getLong(8) : Long.reverseBytes(buffer.getLong(8));
            if ((canId & KernelFilters.CAN_ERR_FLAG) != 0) {
                metrics().error();
                deliverError(new CanErrorFrame(canId & KernelFilters.CAN_ERR_MASK, data), now);
            } else if ((canId & (KernelFilters.CAN_EFF_FLAG | KernelFilters.CAN_RTR_FLAG)) != 0
                    || length > CanFrame.MAX_LENGTH) {
                // the kernel filter passes only standard data frames; one that slips through is not deliverable
                metrics().droppedFrame();
            } else {
                long payload = length == CanFrame.MAX_LENGTH ? data : data & ((1L << (8 * length)) - 1);
                deliver(new CanFrame(canId & KernelFilters.CAN_SFF_MASK, length, payload), now);
            }
        }
    }

    @Override
    protected void disconnect() {
        if (Thread.currentThread() != ioThread && ioThread != null) {
            // close(), from the caller's thread: the reader may be blocked in recvmsg on the socket, and only it may
            // close the socket; it sees this within WAKE_INTERVAL_MILLIS and then disconnects on its own thread
            stopping = true;
            return;
        }
        RawCanChannel ch;
        linkLock.lock();
        try {
            ch = channel;
            channel = null;
        } finally {
            linkLock.unlock();
        }
        if (ch != null) {
            closeQuietly(ch);
        }
    }

    // --- BlockingCanTransport ------------------------------------------------------------------------------------

    @Override
    protected void write(CanFrame frame) throws IOException {
        linkLock.lock();
        try {
            RawCanChannel ch = channel;
            if (ch == null) {
                throw new IOException("the link to " + interfaceName + " is being re-established");
            }
            txBuffer.clear();
            txBuffer.putLong(0, 0L); // len8_dlc, __res0 and __pad stay zero
            txBuffer.putInt(0, frame.id());
            txBuffer.put(4, (byte) frame.length());
            txBuffer.putLong(8, LITTLE_ENDIAN ? frame.payload() : Long.reverseBytes(frame.payload()));
            txBuffer.limit(CAN_FRAME_SIZE);
            long written = ch.writeUnsafe(txBuffer);
            if (written != CAN_FRAME_SIZE) {
                throw new IOException("the kernel took " + written + " of " + CAN_FRAME_SIZE + " bytes");
            }
            metrics().bytesOut(frame.length()); // data bytes, not the 16-byte struct (TransportCounters)
        } finally {
            linkLock.unlock();
        }
    }

    @Override
    protected void applyFilter(CanIdFilter filter) throws IOException {
        linkLock.lock();
        try {
            if (channel != null) {
                install(channel, filter);
            }
        } finally {
            linkLock.unlock();
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** The kernel filters now installed on the socket, for tests; empty when not connected. */
    List<KernelFilters.IdMask> installedKernelFilters() throws IOException {
        linkLock.lock();
        try {
            if (channel == null) {
                return List.of();
            }
            List<KernelFilters.IdMask> out = new java.util.ArrayList<>();
            for (CanFilter f : channel.getOption(CanSocketOptions.FILTER)) {
                out.add(new KernelFilters.IdMask(f.getId(), f.getMask()));
            }
            return out;
        } finally {
            linkLock.unlock();
        }
    }

    /** The socket's receive buffer in bytes as the kernel reports it ({@code SO_RCVBUF}), for tests; 0 when down. */
    int receiveBufferBytes() throws IOException {
        linkLock.lock();
        try {
            return channel == null ? 0 : channel.getOption(CanSocketOptions.SO_RCVBUF);
        } finally {
            linkLock.unlock();
        }
    }

    private static void install(RawCanChannel ch, CanIdFilter filter) throws IOException {
        List<KernelFilters.IdMask> entries = KernelFilters.translate(filter);
        CanFilter[] kernel = new CanFilter[entries.size()];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = new CanFilter(entries.get(i).id(), entries.get(i).mask());
        }
        ch.setOption(CanSocketOptions.FILTER, kernel);
    }

    private void deliverError(CanErrorFrame error, long receivedNanoTime) {
        for (CanErrorFrameListener listener : errorListeners) {
            try {
                listener.onErrorFrame(error, receivedNanoTime);
            } catch (RuntimeException e) {
                metrics().error(); // a faulty listener must not kill the I/O thread
            }
        }
    }

    /**
     * Fails fast, with a useful message, where the kernel would only say "No such device": an interface that does
     * not exist, is not CAN, or is down (binding to a down interface succeeds and fails the first read instead).
     * Without sysfs the checks are skipped and bind() decides.
     */
    private void checkInterface() {
        Path dir = Path.of("/sys/class/net");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            int type = Integer.decode(firstLine(dir.resolve(interfaceName).resolve("type")));
            if (type != ARPHRD_CAN) {
                throw new TransportIoException(endpoint() + ": " + interfaceName + " is not a CAN interface "
                        + "(link type " + type + ", CAN is " + ARPHRD_CAN + ")");
            }
            int flags = Integer.decode(firstLine(dir.resolve(interfaceName).resolve("flags")));
            if ((flags & IFF_UP) == 0) {
                throw new TransportIoException(endpoint() + ": interface " + interfaceName + " is down "
                        + "(ip link set " + interfaceName + " up)");
            }
        } catch (NoSuchFileException e) {
            throw new TransportIoException(endpoint() + ": there is no network interface " + interfaceName
                    + " (ip link show)");
        } catch (IOException | NumberFormatException e) {
            // sysfs unreadable: bind() will tell
        }
    }

    /**
     * The first line of a kernel pseudo-file. Not Files.readString: for a file that reports size 0, as /proc files
     * do, JDK 17 returns only the first byte.
     */
    private static String firstLine(Path file) throws IOException {
        try (var in = Files.newBufferedReader(file)) {
            String line = in.readLine();
            return line == null ? "" : line.strip();
        }
    }

    private TransportIoException linkFault(String doing, LinuxNativeOperationException e) {
        String what = switch (e.getErrorNumber()) {
            case ENETDOWN -> "interface " + interfaceName + " went down";
            case ENODEV -> "interface " + interfaceName + " does not exist (any more)";
            default -> doing + " failed: " + e.getMessage();
        };
        return new TransportIoException(endpoint() + ": " + what, e);
    }

    private void closeQuietly(RawCanChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            metrics().error();
        }
    }

    /**
     * Loads JavaCAN's JNI library, turning its failure into a message that says which jar is missing. An Error, so
     * that the transport ends in FAILED at once instead of retrying what cannot get better.
     */
    private static void loadJavaCan() {
        String os = System.getProperty("os.name", "?");
        if (!os.toLowerCase(java.util.Locale.ROOT).startsWith("linux")) {
            throw new UnsatisfiedLinkError("SocketCAN exists only on Linux; this is " + os);
        }
        try {
            JavaCAN.initialize();
        } catch (LinkageError e) {
            UnsatisfiedLinkError error = new UnsatisfiedLinkError("JavaCAN's native library could not be loaded ("
                    + e.getMessage() + "); put tel.schich:javacan-core:<its version>:<classifier> for this CPU ("
                    + System.getProperty("os.arch") + ": x86_64, aarch64, armv7, ...) on the class path, or set "
                    + "-Djavacan.native.javacan-core.path=/path/to/libjavacan-core.so");
            error.initCause(e);
            throw error;
        }
    }
}
