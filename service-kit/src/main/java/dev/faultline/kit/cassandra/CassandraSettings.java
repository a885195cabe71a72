package dev.faultline.kit.cassandra;

import dev.faultline.kit.SettingChecks;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.InetSocketAddress;
import java.util.regex.Pattern;

/**
 * Where a service's Cassandra is and which keyspace is its own:
 * <ul>
 *   <li>{@code faultline.cassandra.contact-point} (default {@code 127.0.0.1:9042}): {@code host:port} of one node;</li>
 *   <li>{@code faultline.cassandra.datacenter} (default {@code datacenter1}): the driver's local data centre;</li>
 *   <li>{@code faultline.cassandra.keyspace} (no default): the service's keyspace; a service without one has no
 *       Cassandra session;</li>
 *   <li>{@code faultline.cassandra.replication-factor} (default 1): used when the keyspace is created
 *       (SimpleStrategy).</li>
 * </ul>
 */
@ConfigurationProperties("faultline.cassandra")
@Requires(property = "faultline.cassandra.keyspace")
public final class CassandraSettings {

    /** An unquoted CQL keyspace name: the keyspace is named in CQL text, so nothing else may pass. */
    private static final Pattern KEYSPACE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,47}");

    private final InetSocketAddress contactPoint;
    private final String datacenter;
    private final String keyspace;
    private final int replicationFactor;

    @ConfigurationInject
    public CassandraSettings(@Bindable(defaultValue = "127.0.0.1:9042") String contactPoint,
                             @Bindable(defaultValue = "datacenter1") String datacenter,
                             @Nullable String keyspace,
                             @Bindable(defaultValue = "1") int replicationFactor) {
        this.contactPoint = address(SettingChecks.notBlank(contactPoint, "faultline.cassandra.contact-point"));
        this.datacenter = SettingChecks.notBlank(datacenter, "faultline.cassandra.datacenter");
        if (keyspace == null || !KEYSPACE.matcher(keyspace).matches()) {
            throw new IllegalArgumentException("faultline.cassandra.keyspace must be a keyspace name (a letter, then up"
                    + " to 47 letters, digits or underscores), was " + keyspace);
        }
        this.keyspace = keyspace;
        this.replicationFactor = (int) SettingChecks.atLeast(replicationFactor, 1,
                "faultline.cassandra.replication-factor");
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            if (colon > 0 && port > 0 && port <= 65_535) {
                return new InetSocketAddress(hostPort.substring(0, colon), port);
            }
        } catch (NumberFormatException e) {
            // reported below with the key
        }
        throw new IllegalArgumentException("faultline.cassandra.contact-point must be host:port, was " + hostPort);
    }

    public InetSocketAddress contactPoint() {
        return contactPoint;
    }

    public String datacenter() {
        return datacenter;
    }

    public String keyspace() {
        return keyspace;
    }

    public int replicationFactor() {
        return replicationFactor;
    }
}
