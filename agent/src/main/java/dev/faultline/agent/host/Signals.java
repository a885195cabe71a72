package dev.faultline.agent.host;

/**
 * Sends signals to processes. Each call names a process by identity and fails (with the
 * reason) rather than signal a different process that reused the pid.
 */
public interface Signals {

    /** SIGSTOP. */
    void stop(ProcessIdentity process);

    /** SIGCONT. */
    void resume(ProcessIdentity process);

    /** SIGKILL. */
    void kill(ProcessIdentity process);

    /** Signal 0: true when the process exists and the agent may signal it. */
    boolean canSignal(ProcessIdentity process);
}
