package dev.faultline.devstack.process;

import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/** A child main for tests that loads a library's classes (slf4j's, from a release jar), says so, then waits. */
public final class LibraryFixture {

    private LibraryFixture() {
    }

    public static void main(String[] args) throws InterruptedException {
        LoggerFactory.getLogger(LibraryFixture.class);
        System.out.println("library logger ready");
        new CountDownLatch(1).await();
    }
}
