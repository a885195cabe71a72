package dev.faultline.devstack.process;

import java.util.concurrent.CountDownLatch;

/** A child main for tests: prints that it runs, then waits forever. */
public final class SleeperFixture {

    private SleeperFixture() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("sleeper running");
        new CountDownLatch(1).await();
    }
}
