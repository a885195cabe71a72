package dev.faultline.agent.host;

/**
 * Everything a fault may use on the host, in one place: the process table, signals, native
 * memory and the kernel's view of it, the allow-list, the state journal, the floors and the
 * number of processors. Injected so unit tests can substitute any part.
 */
public record Host(ProcessTable processes, Signals signals, NativeMemory memory, SelfMemory selfMemory,
                   AllowList allow, StateJournal journal, Floors floors, int processors) {

    /**
     * Lower bounds a fault may never push the host below.
     *
     * @param diskBytes   free space a disk fault must leave on its file system
     * @param memoryBytes MemAvailable a memory fault must leave
     */
    public record Floors(long diskBytes, long memoryBytes) {
    }
}
