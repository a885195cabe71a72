package dev.faultline.devstack.issuer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who the {@link LocalIssuer} gives tokens to, from a users file ({@code deploy/users.yaml}): each user's roles, and
 * the service clients (id, secret, roles) that authenticate with OAuth2's client-credentials grant. The devstack
 * carries a copy of {@code deploy/users.yaml} as {@value #BUNDLED}.
 */
public record IssuerUsers(Map<String, List<String>> users, Map<String, Client> clients) {

    /** The copy of {@code deploy/users.yaml} packaged with the devstack. */
    public static final String BUNDLED = "dev/faultline/devstack/issuer/users.yaml";

    /** A service client: its secret and the roles its tokens carry. */
    public record Client(String secret, List<String> roles) {
    }

    public IssuerUsers {
        users = Collections.unmodifiableMap(new LinkedHashMap<>(users)); // in the file's order, for messages
        clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients));
    }

    /** The users file packaged with the devstack (a copy of {@code deploy/users.yaml}). */
    public static IssuerUsers bundled() {
        try (InputStream in = IssuerUsers.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the devstack's classpath");
            }
            return parse(in.readAllBytes(), BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IssuerUsers load(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the users file " + file, e);
        }
    }

    static IssuerUsers parse(byte[] yaml, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not valid YAML: " + e.getMessage(), e);
        }
        Map<String, List<String>> users = new LinkedHashMap<>();
        root.path("users").fields().forEachRemaining(e -> users.put(e.getKey(), roles(e.getValue(), source, e.getKey())));
        Map<String, Client> clients = new LinkedHashMap<>();
        root.path("clients").fields().forEachRemaining(e -> {
            String secret = e.getValue().path("secret").asText("");
            if (secret.isBlank()) {
                throw new IllegalArgumentException(source + ": client " + e.getKey() + " needs a secret");
            }
            clients.put(e.getKey(), new Client(secret, roles(e.getValue().path("roles"), source, e.getKey())));
        });
        if (users.isEmpty()) {
            throw new IllegalArgumentException(source + " names no users (a map `users:` of name to a list of roles)");
        }
        return new IssuerUsers(users, clients);
    }

    private static List<String> roles(JsonNode node, String source, String who) {
        if (!node.isArray()) {
            throw new IllegalArgumentException(source + ": the roles of " + who + " must be a list, e.g. [proposer]");
        }
        List<String> roles = new ArrayList<>();
        node.forEach(role -> roles.add(role.asText()));
        return List.copyOf(roles);
    }

    /** The roles of {@code user}, empty when the file does not name them. */
    public Optional<List<String>> rolesOf(String user) {
        return Optional.ofNullable(users.get(user));
    }
}
