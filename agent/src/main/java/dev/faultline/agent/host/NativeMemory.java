package dev.faultline.agent.host;

/** Memory outside the JVM heap: allocate, make resident, give back. Behind an interface so unit tests allocate nothing. */
public interface NativeMemory {

    /** Reserves {@code bytes}; returns the address. */
    long allocate(long bytes);

    /** Writes one byte in every page of {@code [address, address + bytes)}, so the kernel backs each with RAM. */
    void touch(long address, long bytes);

    /** Gives the block at {@code address} back. */
    void free(long address);
}
