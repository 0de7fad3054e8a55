package io.pylon4j.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * A throw-away certificate authority and a server certificate it signed for {@code 127.0.0.1} and {@code localhost},
 * made with the JDK's own {@code keytool} (no openssl needed), as PEM files Mosquitto reads: {@code ca.pem},
 * {@code server.pem} and {@code server.key} (PKCS#8, taken out of keytool's PKCS#12 store with {@link KeyStore}).
 * Elliptic-curve keys: quick to make, valid for two days.
 *
 * @param caFile     the CA's certificate, what a client must trust
 * @param certFile   the server's certificate, signed by the CA
 * @param keyFile    the server's private key
 */
public record TestPki(Path caFile, Path certFile, Path keyFile) {

    private static final String STORE_PASSWORD = "changeit";

    /**
     * Makes the CA and the server certificate in {@code dir}.
     *
     * @param dir a folder of the test's own
     * @return the PEM files
     */
    public static TestPki create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("server.p12");
        keytool(dir, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=pylon4j throw-away test CA", "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString());
        keytool(dir, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-validity", "2", "-keystore", server.toString());
        keytool(dir, "-certreq", "-alias", "server", "-keystore", server.toString(), "-file", "server.csr");
        keytool(dir, "-gencert", "-alias", "ca", "-keystore", ca.toString(), "-infile", "server.csr",
                "-outfile", "server.pem", "-rfc", "-validity", "2", "-ext", "san=ip:127.0.0.1,dns:localhost");
        keytool(dir, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", "ca.pem");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(server)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        byte[] pkcs8 = store.getKey("server", STORE_PASSWORD.toCharArray()).getEncoded();
        Path key = dir.resolve("server.key");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n");
        return new TestPki(dir.resolve("ca.pem"), dir.resolve("server.pem"), key);
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", STORE_PASSWORD, "-storetype", "PKCS12", "-noprompt"));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assertions.assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool did not finish: " + command);
        Assertions.assertEquals(0, p.exitValue(), () -> "keytool " + String.join(" ", args) + ": " + out);
    }
}
