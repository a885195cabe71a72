package dev.faultline.agent.kind;

import dev.faultline.agent.fault.Check;
import dev.faultline.agent.fault.Effect;
import dev.faultline.agent.fault.FaultRefused;
import dev.faultline.agent.host.Host;
import dev.faultline.agent.host.StateJournal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The files of a {@link DiskFault}: {@code faultline-<fault>-<i>.fill}, at most 64 MiB each, of
 * random bytes (so a compressing file system cannot shrink them), each synced with
 * {@code fsync}. They are journalled before the first byte is written.
 */
final class DiskFill implements Effect {

    static final long FILE_BYTES = 64 * Attributes.MIB;
    private static final int WRITE = (int) Attributes.MIB;

    private final Path directory;
    private final long bytes;
    private final List<Path> files;
    private final List<Long> sizes;
    private final StateJournal journal;
    private final String journalId;

    private DiskFill(Path directory, long bytes, List<Path> files, List<Long> sizes, StateJournal journal, String journalId) {
        this.directory = directory;
        this.bytes = bytes;
        this.files = files;
        this.sizes = sizes;
        this.journal = journal;
        this.journalId = journalId;
    }

    static DiskFill write(String name, Path directory, long bytes, Host host) {
        List<Path> files = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        long left = bytes;
        do {
            long size = Math.min(left, FILE_BYTES);
            files.add(directory.resolve("faultline-" + name + "-" + files.size() + ".fill"));
            sizes.add(size);
            left -= size;
        } while (left > 0);
        String id = host.journal().record(new StateJournal.Entry(name, "disk", files.stream().map(Path::toString).toList(), List.of()));
        DiskFill fill = new DiskFill(directory, bytes, files, sizes, host.journal(), id);
        try {
            long remaining = bytes;
            for (int i = 0; i < files.size(); i++) {
                // other writers share the file system: the floor is checked again before each file
                var refusal = DiskFloor.refusal(directory, DiskFault.usable(directory), remaining, host.floors().diskBytes());
                if (refusal.isPresent()) {
                    throw new FaultRefused.BelowFloor(refusal.get() + " (checked again while writing; nothing is left behind)");
                }
                writeFile(files.get(i), sizes.get(i));
                remaining -= sizes.get(i);
            }
        } catch (RuntimeException e) {
            fill.remove();
            throw e;
        }
        return fill;
    }

    private static void writeFile(Path file, long size) {
        byte[] block = new byte[WRITE];
        ThreadLocalRandom.current().nextBytes(block);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long written = 0; written < size; ) {
                ByteBuffer buffer = ByteBuffer.wrap(block, 0, (int) Math.min(WRITE, size - written));
                while (buffer.hasRemaining()) {
                    written += channel.write(buffer);
                }
            }
            channel.force(true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e, e);
        }
    }

    @Override
    public Check check() {
        long present = 0;
        int found = 0;
        for (int i = 0; i < files.size(); i++) {
            try {
                long size = Files.size(files.get(i));
                present += size;
                found += size == sizes.get(i) ? 1 : 0;
            } catch (IOException e) {
                // missing: counted below
            }
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("files", files.stream().map(Path::toString).toList());
        evidence.put("bytes", present);
        evidence.put("freeMb", Math.round(DiskFault.usable(directory) / (double) Attributes.MIB));
        return Check.of(found == files.size() && present == bytes, found + " of " + files.size() + " file(s) in " + directory
                + " holding " + present + " of " + bytes + " bytes", evidence);
    }

    @Override
    public Check remove() {
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                problems.add(file + ": " + e.getMessage());
            }
        }
        List<String> left = files.stream().filter(Files::exists).map(Path::toString).toList();
        boolean gone = left.isEmpty() && problems.isEmpty();
        if (gone) {
            journal.forget(journalId);
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("filesRemoved", files.size() - left.size());
        evidence.put("filesLeft", left);
        evidence.put("freeMb", Math.round(DiskFault.usable(directory) / (double) Attributes.MIB));
        return Check.of(gone, gone ? files.size() + " file(s) (" + bytes + " bytes) removed from " + directory
                : "files left behind: " + left + " " + problems, evidence);
    }
}
