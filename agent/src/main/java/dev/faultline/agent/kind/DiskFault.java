package dev.faultline.agent.kind;

import dev.faultline.agent.fault.Effect;
import dev.faultline.agent.fault.FaultRefused;
import dev.faultline.agent.fault.HostFault;
import dev.faultline.agent.fault.Rehearsal;
import dev.faultline.agent.host.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code disk}: writes {@code megabytes} MB (MiB) of files into {@code directory}, each synced
 * to the device, never leaving the file system with less free space than the disk floor
 * (refused with the arithmetic, before and while writing). Measured by the files' sizes;
 * removal verified by the files being gone. The files are journalled, so an agent that died
 * removes them when it starts again. Rehearsal: a 0-byte file written and removed.
 *
 * @param directory an existing directory inside an entry of allow.directories (required)
 * @param megabytes data to write, 0 to 1048576 MB (1 MB = 1,048,576 bytes; required)
 */
public record DiskFault(String directory, int megabytes) implements HostFault {

    public DiskFault {
        Attributes.notBlank("directory", directory, "an existing directory inside an entry of allow.directories");
        Attributes.between("megabytes", megabytes, 0, 1_048_576, "MB");
    }

    @Override
    public Effect apply(String name, Host host) {
        Path dir = allowedDirectory(host);
        long bytes = megabytes * Attributes.MIB;
        DiskFloor.refusal(dir, usable(dir), bytes, host.floors().diskBytes()).ifPresent(refusal -> {
            throw new FaultRefused.BelowFloor(refusal);
        });
        return DiskFill.write(name, dir, bytes, host);
    }

    @Override
    public Rehearsal rehearse(Host host) {
        allowedDirectory(host);
        return Rehearsal.applyAndRemove(new DiskFault(directory, 0), "rehearsal-disk", host);
    }

    private Path allowedDirectory(Host host) {
        Path dir;
        try {
            dir = Path.of(directory).toRealPath();
        } catch (IOException | RuntimeException e) {
            throw new FaultRefused.Invalid("attribute 'directory' must be an existing directory, '" + directory + "' is not: " + e.getMessage());
        }
        if (!Files.isDirectory(dir)) {
            throw new FaultRefused.Invalid("attribute 'directory' must be a directory, '" + directory + "' is a file");
        }
        host.allow().refuseDirectory(dir).ifPresent(refusal -> {
            throw new FaultRefused.NotAllowed(refusal);
        });
        return dir;
    }

    static long usable(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the free space of " + dir + ": " + e.getMessage(), e);
        }
    }
}
