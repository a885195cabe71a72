package dev.faultline.agent.host;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must be undone if the agent dies mid-fault: the files a disk fault writes and the
 * processes a pause fault stops. A fault writes its entry before it acts and the entry is
 * forgotten once the removal is verified, so on start {@link #recover} finds exactly the
 * effects a dead agent left behind. CPU burners and held memory die with the process and are
 * not journalled. One JSON file per entry, written to a temporary name, synced, then renamed.
 */
public final class StateJournal {

    private static final Logger LOG = LoggerFactory.getLogger(StateJournal.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration RESUME_DEADLINE = Duration.ofSeconds(2);

    /** One fault's undo list: {@code files} to delete, {@code paused} processes to continue. */
    public record Entry(String fault, String kind, List<String> files, List<ProcessIdentity> paused) {
        public Entry {
            files = files == null ? List.of() : List.copyOf(files);
            paused = paused == null ? List.of() : List.copyOf(paused);
        }
    }

    /** What {@link #recover} undid. */
    public record Recovery(int entries, List<String> filesRemoved, List<Long> processesResumed, List<String> problems) {
    }

    private final Path directory;
    private final FileChannel lockFile;

    /**
     * Opens (creating it if needed) and locks the state directory: a second agent on the same
     * directory would take the first one's live faults for leftovers and undo them.
     */
    public StateJournal(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            lockFile = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            boolean locked;
            try {
                locked = lockFile.tryLock() != null;
            } catch (OverlappingFileLockException e) {
                locked = false;  // held by this very JVM
            }
            if (!locked) {
                lockFile.close();
                throw new IllegalStateException("another agent is using the state directory " + directory
                        + "; give this one its own (stateDirectory / --state-dir)");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the state directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Releases the state directory (the lock also goes with the process, however it ends). */
    public void close() {
        try {
            lockFile.close();
        } catch (IOException e) {
            LOG.debug("closing the state directory lock", e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Records an entry durably before its fault acts; returns its id. */
    public String record(Entry entry) {
        String id = entry.fault().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path target = directory.resolve(id + ".json");
        Path temporary = directory.resolve(id + ".json.tmp");
        try {
            Files.write(temporary, JSON.writeValueAsBytes(entry));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot record " + entry.kind() + " fault " + entry.fault() + " in " + directory
                    + " (the agent could not undo it after a crash, so it refuses to apply it): " + e.getMessage(), e);
        }
        return id;
    }

    /** Forgets an entry whose effects were removed. */
    public void forget(String id) {
        try {
            Files.deleteIfExists(directory.resolve(id + ".json"));
        } catch (IOException e) {
            LOG.warn("cannot forget journal entry {}: {}", id, e.getMessage());
        }
    }

    /** A record cut short by a crash: its fault had not acted yet (it acts only once the record is in place). */
    private void removeUnfinishedRecords() {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path tmp : files.filter(p -> p.toString().endsWith(".json.tmp")).toList()) {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            LOG.warn("cannot clear unfinished records in {}: {}", directory, e.getMessage());
        }
    }

    /** Entries left by an earlier run, by id. */
    public List<String> ids() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the state directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Undoes what a dead agent left: deletes the files its disk faults wrote, continues the
     * processes its pause faults stopped (only those still the same process, by start time), and
     * forgets each entry whose undoing succeeded. Run once at start, before the API listens.
     */
    public Recovery recover(ProcessTable processes, Signals signals) {
        List<String> removed = new ArrayList<>();
        List<Long> resumed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        removeUnfinishedRecords();
        List<String> ids = ids();
        for (String id : ids) {
            int before = problems.size();
            try {
                Entry entry = JSON.readValue(directory.resolve(id + ".json").toFile(), Entry.class);
                for (String file : entry.files()) {
                    if (Files.deleteIfExists(Path.of(file))) {
                        removed.add(file);
                    }
                }
                for (ProcessIdentity process : entry.paused()) {
                    if (processes.find(process).isEmpty()) {
                        continue;  // it exited, or the pid now belongs to another process: nothing to continue
                    }
                    signals.resume(process);
                    if (Poll.until(() -> processes.find(process).map(p -> !p.isStopped()).orElse(true), RESUME_DEADLINE)) {
                        resumed.add(process.pid());
                    } else {
                        problems.add("process " + process.pid() + " still stopped after SIGCONT");
                    }
                }
            } catch (IOException | RuntimeException e) {
                problems.add("journal entry " + id + ": " + e.getMessage());
            }
            if (problems.size() == before) {
                forget(id);
            }
        }
        if (!ids.isEmpty()) {
            LOG.warn("recovered {} journal entries of an earlier run: removed files {}, continued processes {}, problems {}",
                    ids.size(), removed, resumed, problems);
        }
        return new Recovery(ids.size(), removed, resumed, problems);
    }
}
