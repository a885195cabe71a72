package dev.faultline.agent.kind;

import dev.faultline.agent.fault.Check;
import dev.faultline.agent.fault.Effect;
import dev.faultline.agent.host.NativeMemory;
import dev.faultline.agent.host.SelfMemory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A held {@link MemoryFault}: blocks of native memory of at most 64 MiB, each asked of malloc
 * as at least 33 MiB. glibc serves a request that large with its own {@code mmap} (its dynamic
 * mmap threshold never rises above 32 MiB on 64-bit), so {@code free} hands it straight back to
 * the kernel with {@code munmap} — the resident set drops at once, which is what removal verifies.
 * Smaller requests could come from malloc's heap, which it may keep after free.
 */
final class HeldMemory implements Effect {

    static final long BLOCK = 64 * Attributes.MIB;
    static final long MMAPPED_REQUEST = 33 * Attributes.MIB;
    /** The resident set of a busy JVM moves a little on its own; a removal must drop it by the held bytes less this. */
    static final long RSS_NOISE = 4 * Attributes.MIB;

    /** One block: where it is, how much was reserved and how much of it is written. */
    private record Block(long address, long reserved, long written) {
    }

    private final long bytes;
    private final NativeMemory memory;
    private final SelfMemory kernel;
    private final List<Block> blocks = new ArrayList<>();

    private HeldMemory(long bytes, NativeMemory memory, SelfMemory kernel) {
        this.bytes = bytes;
        this.memory = memory;
        this.kernel = kernel;
    }

    static HeldMemory hold(long bytes, NativeMemory memory, SelfMemory kernel) {
        HeldMemory held = new HeldMemory(bytes, memory, kernel);
        try {
            for (long left = bytes; left > 0; left -= BLOCK) {
                long written = Math.min(left, BLOCK);
                long reserved = Math.max(written, MMAPPED_REQUEST);
                long address = memory.allocate(reserved);
                held.blocks.add(new Block(address, reserved, written));
                memory.touch(address, written);
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            held.blocks.forEach(b -> memory.free(b.address()));
            throw new IllegalStateException("cannot hold " + Attributes.mb(bytes) + " of native memory: " + e, e);
        }
        return held;
    }

    @Override
    public Check check() {
        long resident = blocks.stream().mapToLong(b -> kernel.residentBytes(b.address(), b.written())).sum();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("heldMb", mb(bytes));
        evidence.put("residentMb", mb(resident));
        evidence.put("agentRssMb", mb(kernel.residentSetBytes()));
        evidence.put("blocks", blocks.size());
        return Check.of(resident >= bytes, Attributes.mb(resident) + " of " + Attributes.mb(bytes) + " resident in "
                + blocks.size() + " block(s)", evidence);
    }

    @Override
    public Check remove() {
        long before = kernel.residentSetBytes();
        blocks.forEach(b -> memory.free(b.address()));
        long after = kernel.residentSetBytes();
        boolean unmapped = blocks.stream().noneMatch(b -> kernel.isMapped(b.address(), b.reserved()));
        long drop = before - after;
        boolean rssDown = drop >= bytes - Math.max(RSS_NOISE, bytes / 20);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("freedMb", mb(bytes));
        evidence.put("rssBeforeMb", mb(before));
        evidence.put("rssAfterMb", mb(after));
        evidence.put("rssDropMb", mb(drop));
        evidence.put("unmapped", unmapped);
        return Check.of(unmapped && rssDown, (unmapped ? "blocks unmapped" : "blocks STILL MAPPED") + ", resident set "
                + Attributes.mb(before) + " -> " + Attributes.mb(after) + " (" + Attributes.mb(drop) + " returned of "
                + Attributes.mb(bytes) + " held)", evidence);
    }

    private static double mb(long bytes) {
        return Math.round(bytes * 10.0 / Attributes.MIB) / 10.0;
    }
}
