package dev.faultline.cli.stack;

import java.util.OptionalLong;

/** The resident memory of one process of the stack, when it could be read. */
public record ProcessMemory(String name, long pid, OptionalLong rssBytes) {

    public String megabytes() {
        return rssBytes.isPresent() ? (rssBytes.getAsLong() / (1024 * 1024)) + " MB" : "? MB";
    }
}
