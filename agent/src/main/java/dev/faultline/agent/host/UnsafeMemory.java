package dev.faultline.agent.host;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * {@link NativeMemory} through {@code sun.misc.Unsafe} (module {@code jdk.unsupported}, no
 * flags needed): {@code allocateMemory} is the C library's {@code malloc}, {@code freeMemory}
 * its {@code free}. Unlike direct buffers, it is not capped by {@code -XX:MaxDirectMemorySize}
 * and is freed the moment we ask, not when a cleaner runs.
 */
public final class UnsafeMemory implements NativeMemory {

    public static final int PAGE = 4096;

    private final Unsafe unsafe;

    public UnsafeMemory() {
        try {
            Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            this.unsafe = (Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("sun.misc.Unsafe is not available: " + e, e);
        }
    }

    @Override
    public long allocate(long bytes) {
        return unsafe.allocateMemory(bytes);
    }

    @Override
    public void touch(long address, long bytes) {
        for (long offset = 0; offset < bytes; offset += PAGE) {
            unsafe.putByte(address + offset, (byte) 1);
        }
    }

    @Override
    public void free(long address) {
        unsafe.freeMemory(address);
    }
}
