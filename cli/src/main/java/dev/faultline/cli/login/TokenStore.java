package dev.faultline.cli.login;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * Where the CLI keeps the bearer token {@code faultline login} obtained: {@code $FAULTLINE_HOME/token}, else
 * {@code ~/.faultline/token}, readable by its owner only (mode 600). A token given with {@code --token} or
 * {@code FAULTLINE_TOKEN} ({@link dev.faultline.cli.ServiceOptions}) beats the stored one, for CI and other tools that
 * get their token elsewhere.
 */
public final class TokenStore {

    static final String HOME_VARIABLE = "FAULTLINE_HOME";

    private final Path file;

    /** Reads the map it is given, not the process environment, so tests can say what is set. */
    public TokenStore(Map<String, String> env, Path userHome) {
        String home = env.get(HOME_VARIABLE);
        this.file = (home == null || home.isBlank() ? userHome.resolve(".faultline") : Path.of(home)).resolve("token");
    }

    /** The store of this process: its environment and the user's home directory. */
    public static TokenStore ofProcess() {
        return new TokenStore(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The stored token, or empty when nobody signed in (the services will answer 401). */
    public Optional<String> stored() {
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file).strip()).filter(t -> !t.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token in " + file, e);
        }
    }

    /** Stores {@code token} (mode 600), replacing the previous one; returns the file. */
    public Path save(String token) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("token.tmp");
            Files.deleteIfExists(temporary);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, token + "\n");
            return Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the token in " + file, e);
        }
    }

    public Path file() {
        return file;
    }
}
