package dev.faultline.agent;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.faultline.clearance.ClaimsVerifier;
import dev.faultline.clearance.ClearanceKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How an agent is set up: where its API listens, its shared token, the public keys a fault's
 * clearance must verify with, its state directory, what it may touch (the allow-list), the floors
 * faults must respect, and how often lapsed leases are looked for. Read from a JSON file; flags and
 * {@code FAULTLINE_AGENT_TOKEN} override it.
 *
 * @param host                 API bind address
 * @param port                 API port (0 picks a free one)
 * @param token                the shared bearer token every API caller presents (at least 16 characters)
 * @param publicKeys           safety-service's Ed25519 public keys by key id (X.509 Base64 or PEM): a fault is applied
 *                             only with a clearance one of them verifies; at least one
 * @param stateDirectory       where the agent journals what it must undo after a crash
 * @param allowProcesses       regular expressions; a process is allowed when one matches its whole command line
 * @param allowDirectories     a disk fault's directory must be one of these or inside one
 * @param diskFloorMegabytes   free space (MB) a disk fault must leave on its file system
 * @param memoryFloorMegabytes MemAvailable (MB) a memory fault must leave
 * @param sweep                how often lapsed leases are looked for
 */
public record AgentConfig(String host, int port, String token, Map<String, String> publicKeys, Path stateDirectory,
                          List<String> allowProcesses,
                          List<String> allowDirectories, long diskFloorMegabytes, long memoryFloorMegabytes, Duration sweep) {

    public static final int DEFAULT_PORT = 8479;
    public static final String TOKEN_ENV = "FAULTLINE_AGENT_TOKEN";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public AgentConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        allowProcesses = List.copyOf(allowProcesses);
        allowDirectories = List.copyOf(allowDirectories);
        publicKeys = Map.copyOf(publicKeys);
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no token: set 'token' in the config file or " + TOKEN_ENV
                    + "; the agent never runs without one");
        }
        if (publicKeys.isEmpty()) {
            throw new IllegalArgumentException("no public keys: set 'publicKeys' {\"<key-id>\": \"<safety-service's"
                    + " Ed25519 public key, X.509 Base64>\"} in the config file; the agent applies a fault only with a"
                    + " clearance safety-service signed");
        }
        clearances(publicKeys);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (diskFloorMegabytes < 0 || memoryFloorMegabytes < 0) {
            throw new IllegalArgumentException("floors must be >= 0 MB");
        }
        if (sweep.isNegative() || sweep.isZero()) {
            throw new IllegalArgumentException("sweepMillis must be positive");
        }
    }

    /** The verifier of faults' clearances, with {@link #publicKeys()}. */
    public ClaimsVerifier clearances() {
        return clearances(publicKeys);
    }

    private static ClaimsVerifier clearances(Map<String, String> publicKeys) {
        Map<String, PublicKey> keys = new TreeMap<>();
        publicKeys.forEach((keyId, key) -> keys.put(ClearanceKeys.keyId(keyId, "the key id '" + keyId + "' in publicKeys"),
                ClearanceKeys.publicKey(key, "publicKeys." + keyId)));
        return new ClaimsVerifier(keys);
    }

    /** The file's shape; every field optional. */
    record File(String host, Integer port, String token, Map<String, String> publicKeys, String stateDirectory,
                Allow allow, Long diskFloorMegabytes, Long memoryFloorMegabytes, Long sweepMillis) {
        static final File EMPTY = new File(null, null, null, null, null, null, null, null, null);
    }

    record Allow(List<String> processes, List<String> directories) {
    }

    static File read(Path file) {
        try {
            return JSON.readValue(file.toFile(), File.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("config file " + file + ": unknown setting '" + e.getPropertyName()
                    + "'; known settings: host, port, token, publicKeys, stateDirectory, allow {processes, directories}, "
                    + "diskFloorMegabytes, memoryFloorMegabytes, sweepMillis");
        } catch (IOException e) {
            throw new IllegalArgumentException("config file " + file + ": " + e.getMessage());
        }
    }

    /** The file's settings over the defaults, then the overrides (null = keep). */
    static AgentConfig of(File file, String hostFlag, Integer portFlag, String stateDirFlag, String tokenEnv) {
        Allow allow = file.allow() == null ? new Allow(List.of(), List.of()) : file.allow();
        return new AgentConfig(
                first(hostFlag, file.host(), "127.0.0.1"),
                first(portFlag, file.port(), DEFAULT_PORT),
                first(tokenEnv, file.token(), null),
                file.publicKeys() == null ? Map.of() : file.publicKeys(),
                Path.of(first(stateDirFlag, file.stateDirectory(),
                        Path.of(System.getProperty("user.home"), ".local", "state", "faultline-agent").toString())),
                allow.processes() == null ? List.of() : allow.processes(),
                allow.directories() == null ? List.of() : allow.directories(),
                first(null, file.diskFloorMegabytes(), 1024L),
                first(null, file.memoryFloorMegabytes(), 512L),
                Duration.ofMillis(first(null, file.sweepMillis(), 200L)));
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null && !(value instanceof String s && s.isBlank())) {
                return value;
            }
        }
        return null;
    }
}
