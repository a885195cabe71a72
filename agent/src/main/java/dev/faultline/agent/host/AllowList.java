package dev.faultline.agent.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the agent may touch, from its configuration. {@code processes}: Java regular expressions,
 * each matched against a process's whole command line (as {@link ProcessTable} reads it); a
 * process is allowed when one matches. {@code directories}: a disk fault's directory must be one
 * of them or inside one, compared after resolving symbolic links and {@code ..}. Everything
 * else is refused, with the entry that would be needed.
 */
public final class AllowList {

    private final List<Pattern> processes;
    private final List<Path> directories;

    public AllowList(List<String> processPatterns, List<String> directories) {
        this.processes = processPatterns.stream().map(AllowList::compile).toList();
        this.directories = directories.stream().map(AllowList::canonical).toList();
    }

    /** Why {@code process} may not be touched, or empty when an entry of allow.processes matches it. */
    public Optional<String> refuseProcess(ProcessInfo process) {
        if (processes.stream().anyMatch(p -> p.matcher(process.commandLine()).matches())) {
            return Optional.empty();
        }
        return Optional.of("process " + process.pid() + " ('" + process.commandLine() + "') is not on the allow-list: "
                + "allow.processes " + processes + " needs an entry (a regular expression matching the whole command line)"
                + " that matches '" + process.commandLine() + "'");
    }

    /** Why a disk fault may not write into {@code directory}, or empty when it is inside an entry of allow.directories. */
    public Optional<String> refuseDirectory(Path directory) {
        Path dir = canonical(directory.toString());
        if (directories.stream().anyMatch(dir::startsWith)) {
            return Optional.empty();
        }
        return Optional.of("directory " + dir + " is not on the allow-list: allow.directories " + directories
                + " needs an entry for " + dir + " or one of its parents");
    }

    public List<Pattern> processes() {
        return processes;
    }

    public List<Path> directories() {
        return directories;
    }

    private static Pattern compile(String pattern) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("allow.processes entry '" + pattern + "' is not a regular expression: "
                    + e.getDescription(), e);
        }
    }

    /** The real path when it exists (symbolic links resolved), else the normalized absolute path. */
    static Path canonical(String path) {
        Path p = Path.of(path).toAbsolutePath().normalize();
        try {
            return Files.exists(p) ? p.toRealPath() : p;
        } catch (IOException e) {
            return p;
        }
    }
}
