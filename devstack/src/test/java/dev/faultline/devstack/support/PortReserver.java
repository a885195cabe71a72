package dev.faultline.devstack.support;

/** A second JVM that picks a port, which reserves it, says which, and holds it until its stdin closes or it is killed. */
public final class PortReserver {

    private PortReserver() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("reserved " + FreePorts.next() + ".");
        System.in.read();
    }
}
