package io.pylon4j.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManagerFactory;

/**
 * The trust of a bridge that is given a CA file ({@link MqttBroker#caFile()}): only the certificates in that PEM
 * file, in a key store of the bridge's own (the JDK's default trust store and its system properties untouched).
 */
final class TlsTrust {

    private TlsTrust() {
    }

    /**
     * A trust manager factory that trusts exactly the certificates in {@code pemFile}.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it (missing, unreadable, no
     *                                  certificate), so that a wrong path fails at build time and not at every
     *                                  reconnection
     */
    static TrustManagerFactory fromPem(Path pemFile) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the CA file " + pemFile + ": " + OwnClient.describe(e), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the CA file " + pemFile + " holds no readable PEM certificate: "
                    + OwnClient.describe(e), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("the CA file " + pemFile + " holds no certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate c : certificates) {
                store.setCertificateEntry("ca-" + n++, c);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make a trust store: " + OwnClient.describe(e), e);
        }
    }
}
