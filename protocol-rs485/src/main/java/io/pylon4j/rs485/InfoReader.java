package io.pylon4j.rs485;

/** Reads a command's INFO fields in order, big-endian, throwing {@link InfoTooShortException} past the end. */
final class InfoReader {

    private final byte[] info;
    private final Command command;
    private int position;

    InfoReader(Rs485Frame frame, Command command) {
        this.info = frame.infoArray();
        this.command = command;
    }

    Command command() {
        return command;
    }

    int position() {
        return position;
    }

    int u8() {
        need(1);
        return info[position++] & 0xFF;
    }

    int u16() {
        need(2);
        int v = (info[position] & 0xFF) << 8 | info[position + 1] & 0xFF;
        position += 2;
        return v;
    }

    int s16() {
        return (short) u16();
    }

    int u24() {
        need(3);
        int v = (info[position] & 0xFF) << 16 | (info[position + 1] & 0xFF) << 8 | info[position + 2] & 0xFF;
        position += 3;
        return v;
    }

    /** {@code count} signed 16-bit values. */
    int[] s16s(int count) {
        need(2 * count);
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = (short) ((info[position] & 0xFF) << 8 | info[position + 1] & 0xFF);
            position += 2;
        }
        return values;
    }

    /** {@code count} bytes, unsigned. */
    int[] u8s(int count) {
        need(count);
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = info[position++] & 0xFF;
        }
        return values;
    }

    /** A fixed-width ISO-8859-1 text field, without its trailing NUL padding. */
    String text(int width) {
        need(width);
        int end = position + width;
        int last = end;
        while (last > position && info[last - 1] == 0) {
            last--;
        }
        String s = new String(info, position, last - position, java.nio.charset.StandardCharsets.ISO_8859_1);
        position = end;
        return s;
    }

    private void need(int bytes) {
        if (bytes > info.length - position) {
            throw new InfoTooShortException(command, position + bytes, info.length);
        }
    }
}
