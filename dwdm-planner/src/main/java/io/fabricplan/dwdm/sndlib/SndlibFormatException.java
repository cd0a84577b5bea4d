package io.fabricplan.dwdm.sndlib;

/**
 * An SNDlib input that cannot be read or a variant that is not supported: the message names the file and line
 * (when there is one) and carries a hint. Callers print the message, never a stack trace.
 */
public final class SndlibFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public SndlibFormatException(String message) {
        super(message);
    }

    /** A problem at {@code file:line} with a hint on how to fix it. */
    static SndlibFormatException at(String file, int line, String problem, String hint) {
        return new SndlibFormatException(file + (line > 0 ? ":" + line : "") + ": " + problem
                + (hint == null || hint.isEmpty() ? "" : ". Maybe " + hint));
    }
}
