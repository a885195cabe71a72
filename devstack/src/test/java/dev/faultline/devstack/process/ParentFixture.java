package dev.faultline.devstack.process;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A parent JVM for tests: launches one {@link SleeperFixture} child through {@link ChildJvm},
 * writing its output under the directory given as argument, prints {@code child <pid>} and waits until it is killed.
 */
public final class ParentFixture {

    private ParentFixture() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ChildJvm child = ChildJvm.launch("sleeper", List.of("-Xmx32m"), System.getProperty("java.class.path"),
                SleeperFixture.class.getName(), List.of(), dir.resolve("sleeper.out"));
        System.out.println("child " + child.pid());
        new CountDownLatch(1).await();
    }
}
