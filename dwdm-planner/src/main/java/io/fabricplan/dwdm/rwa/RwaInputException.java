package io.fabricplan.dwdm.rwa;

/** A topology or request file that cannot be read; the message names the file and the line or field. */
public final class RwaInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RwaInputException(String message) {
        super(message);
    }
}
