package dev.faultline.agent.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * What the kernel says about memory: the agent's own resident set ({@code /proc/self/status}),
 * which of its pages are resident ({@code /proc/self/pagemap}, bit 63 of each page's entry),
 * whether an address range is still mapped ({@code /proc/self/maps}), and the host's
 * {@code MemAvailable} ({@code /proc/meminfo}). These measure a memory fault from outside the JVM.
 */
public final class SelfMemory {

    private static final int PAGE = UnsafeMemory.PAGE;
    private static final long PRESENT = 1L << 63;

    private final Path proc;

    public SelfMemory(Path proc) {
        this.proc = proc;
    }

    public static SelfMemory system() {
        return new SelfMemory(Path.of("/proc"));
    }

    /** The agent's resident set size (VmRSS), in bytes. */
    public long residentSetBytes() {
        return kilobytesField(proc.resolve("self/status"), "VmRSS:") * 1024;
    }

    /** The host's MemAvailable, in bytes. */
    public long availableBytes() {
        return kilobytesField(proc.resolve("meminfo"), "MemAvailable:") * 1024;
    }

    /** How many bytes of {@code [address, address + length)} are resident in RAM now. */
    public long residentBytes(long address, long length) {
        long firstPage = address / PAGE;
        long pages = (address + length + PAGE - 1) / PAGE - firstPage;
        ByteBuffer entries = ByteBuffer.allocate((int) Math.min(pages, 1 << 16) * 8).order(ByteOrder.nativeOrder());
        long resident = 0;
        try (FileChannel pagemap = FileChannel.open(proc.resolve("self/pagemap"), StandardOpenOption.READ)) {
            for (long page = firstPage; page < firstPage + pages; ) {
                entries.clear().limit((int) Math.min(entries.capacity(), (firstPage + pages - page) * 8));
                int read = pagemap.read(entries, page * 8);
                if (read <= 0) {
                    break;
                }
                entries.flip();
                while (entries.remaining() >= 8) {
                    if ((entries.getLong() & PRESENT) != 0) {
                        resident += PAGE;
                    }
                    page++;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + proc.resolve("self/pagemap") + ": " + e.getMessage(), e);
        }
        return resident;
    }

    /** True when any byte of {@code [address, address + length)} is still mapped into the agent. */
    public boolean isMapped(long address, long length) {
        long end = address + length;
        for (String line : lines(proc.resolve("self/maps"))) {
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            long from = Long.parseUnsignedLong(line.substring(0, dash), 16);
            long to = Long.parseUnsignedLong(line.substring(dash + 1, space), 16);
            if (Long.compareUnsigned(from, end) < 0 && Long.compareUnsigned(address, to) < 0) {
                return true;
            }
        }
        return false;
    }

    private static long kilobytesField(Path file, String field) {
        for (String line : lines(file)) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException(file + " has no " + field + " line");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
