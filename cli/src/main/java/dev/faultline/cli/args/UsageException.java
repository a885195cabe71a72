package dev.faultline.cli.args;

/** The command line is wrong; the message says what to change. Exit code 2. */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
