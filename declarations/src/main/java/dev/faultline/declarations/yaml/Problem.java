package dev.faultline.declarations.yaml;

/** One problem of a declarations file, where it is (line, column, the path of keys), and what to do about it. */
public record Problem(int line, int column, String path, String message) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + path + ": " + message;
    }
}
