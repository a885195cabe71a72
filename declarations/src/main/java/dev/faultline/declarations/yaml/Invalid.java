package dev.faultline.declarations.yaml;

import java.util.List;

/** A declarations file has problems; none of it may be published. */
public final class Invalid extends Exception {

    private final List<Problem> problems;

    public Invalid(List<Problem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem: " : " problems: ") + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
