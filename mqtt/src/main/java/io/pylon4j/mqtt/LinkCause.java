package io.pylon4j.mqtt;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import javax.net.ssl.SSLException;

/**
 * Why the bridge's own client is not connected, in one phrase a user can act on ({@link PylonMqttBridge#linkCause()},
 * the warning in the log, {@code pylon mqtt}'s "not connected" line): a refused user name or password and an
 * untrusted certificate say so and what to do, instead of the innermost exception's words alone.
 */
final class LinkCause {

    private LinkCause() {
    }

    /**
     * The phrase for {@code cause}.
     *
     * @param cause           what the client reported
     * @param withCredentials whether the bridge gave the broker a user name
     */
    static String of(Throwable cause, boolean withCredentials) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Mqtt5ConnAckException refused) {
                Mqtt5ConnAckReasonCode code = refused.getMqttMessage().getReasonCode();
                String connack = " (CONNACK " + code + ")";
                boolean credentials = code == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD
                        || code == Mqtt5ConnAckReasonCode.NOT_AUTHORIZED;
                if (credentials && withCredentials) {
                    return "the broker refused the user name or password" + connack;
                }
                if (credentials) {
                    return "the broker refused the connection without a user name, not authorized" + connack
                            + ": give a user name and password";
                }
                return "the broker refused the connection" + connack;
            }
            if (t instanceof SSLException) {
                return tls(t);
            }
        }
        return innermost(cause);
    }

    private static String tls(Throwable ssl) {
        for (Throwable t = ssl; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                return "TLS: the broker's certificate is not trusted (" + innermost(ssl) + "): give the bridge its"
                        + " CA's certificate as the CA file";
            }
        }
        return "TLS: " + innermost(ssl);
    }

    /** The innermost cause's message, else its type. */
    static String innermost(Throwable cause) {
        Throwable t = cause;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
    }
}
