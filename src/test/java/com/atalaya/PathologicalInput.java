package com.atalaya;

import java.util.List;

/**
 * Inputs that make backtracking checks slow: the old e-mail expression {@code
 * ^[^@\s]+@[^@\s]+\.[^@\s]+$} took 9.7 s on {@code a@} followed by 32,000 dots and an {@code @},
 * and a minute and more at 64,000. Every public field is fed these in tests and must answer quickly.
 */
public final class PathologicalInput {

    private PathologicalInput() {}

    /** A few families of pathological text, each {@code length} characters long or about. */
    public static List<String> of(int length) {
        return List.of(
                "a@" + ".".repeat(length) + "@",
                "a@" + "a.".repeat(length / 2) + "@",
                "a@" + ".".repeat(length),
                "@".repeat(length),
                "a".repeat(length) + "@",
                " \t".repeat(length / 2) + "x",
                "a@b" + ".b".repeat(length / 2) + " ",
                "\u0000".repeat(length));
    }
}
