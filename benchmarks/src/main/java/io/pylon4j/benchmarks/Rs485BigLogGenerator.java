package io.pylon4j.benchmarks;

import io.pylon4j.rs485.AnalogValues;
import io.pylon4j.rs485.AnalogValuesRequest;
import io.pylon4j.rs485.ChargeDischargeManagement;
import io.pylon4j.rs485.ChargeDischargeManagementRequest;
import io.pylon4j.rs485.InfoFlag;
import io.pylon4j.rs485.ModuleAnalog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a large RS485 log for measuring {@code ./pylon decode} throughput: a poll cycle repeated over modules ADR 2
 * to 9 — 0x42 request, single-module 0x42 reply (15 cells, 5 temperatures, user-defined count 2 or 4 alternately),
 * 0x92 request, 0x92 reply — with values varied by a seeded random source, one frame per line.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.pylon4j.benchmarks.Rs485BigLogGenerator big.log 500000}
 */
public final class Rs485BigLogGenerator {

    private Rs485BigLogGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Rs485BigLogGenerator <file> <lines>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        long lines = Long.parseLong(args[1]);
        SplittableRandom random = new SplittableRandom(485);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (long n = 0; n < lines; n++) {
                int adr = 2 + (int) (n / 4 % 8);
                String line = switch ((int) (n % 4)) {
                    case 0 -> AnalogValuesRequest.of(adr).toFrame().toString();
                    case 1 -> analog(adr, random, n / 4 % 2 == 0).toFrame().toString();
                    case 2 -> ChargeDischargeManagementRequest.of(adr).toFrame().toString();
                    default -> new ChargeDischargeManagement(adr, adr, 53_250, 47_000, 250 + random.nextInt(50),
                            -250 - random.nextInt(50), 0xC0).toFrame().toString();
                };
                out.write(line);
                out.write('\n');
            }
        }
    }

    private static AnalogValues analog(int adr, SplittableRandom random, boolean large) {
        int[] cells = new int[15];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = 3250 + random.nextInt(150);
        }
        int[] temperatures = new int[5];
        for (int i = 0; i < temperatures.length; i++) {
            temperatures[i] = 2900 + random.nextInt(150);
        }
        int current = random.nextInt(-500, 500);
        int voltage = 48_000 + random.nextInt(3000);
        ModuleAnalog module = large
                ? ModuleAnalog.withCount4(cells, temperatures, current, voltage, random.nextInt(74_000), 74_000,
                        random.nextInt(1000))
                : ModuleAnalog.withCount2(cells, temperatures, current, voltage, random.nextInt(50_000), 50_000,
                        random.nextInt(1000));
        return new AnalogValues(adr, InfoFlag.of(0x11), adr, List.of(module));
    }
}
