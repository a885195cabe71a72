package dev.faultline.dataplane.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test class of this module runs with Netty's leak detection at {@code PARANOID} (every buffer tracked) and
 * fails when a buffer was garbage-collected without being released. The data plane runs with leak detection off
 * ({@code jvm.options}: its sampling took a stack trace for one buffer in 128 on the relay path), so these tests are
 * where a leak is caught. Registered for every class through {@code META-INF/services} and JUnit's extension
 * autodetection ({@code junit-platform.properties}).
 *
 * <p>Netty reports a leak when it tracks a new buffer after the collector has found an unreleased one; after each
 * class this forces a collection and tracks a few buffers. A leak whose report comes later fails the class that
 * sees it, with the leaked buffer's access records naming the code that held it.
 */
public final class NoBufferLeaks implements AfterAllCallback {

    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
            @Override
            @SuppressWarnings("deprecation")
            public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                                                                       long maxActive) {
                return new ResourceLeakDetector<>(resource, samplingInterval) {
                    @Override
                    protected void reportTracedLeak(String resourceType, String records) {
                        LEAKS.add(resourceType + " leaked:" + records);
                    }

                    @Override
                    protected void reportUntracedLeak(String resourceType) {
                        LEAKS.add(resourceType + " leaked (no access records)");
                    }
                };
            }
        });
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (int round = 0; round < 3 && LEAKS.isEmpty(); round++) {
            System.gc();
            ByteBuf probe = ByteBufAllocator.DEFAULT.directBuffer(8); // tracking a buffer reports the collected ones
            probe.release();
        }
        List<String> seen = List.copyOf(LEAKS);
        LEAKS.removeAll(seen); // reported once: the next class starts clean
        assertThat(seen).as("Netty buffers garbage-collected without release() during or before %s",
                context.getDisplayName()).isEmpty();
    }
}
