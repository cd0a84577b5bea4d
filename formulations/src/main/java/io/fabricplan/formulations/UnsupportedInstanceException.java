package io.fabricplan.formulations;

/**
 * A formulation declines an instance it cannot model (too large, or a feature it does not cover); the planner
 * reports the message as a diagnostic with status NO_SOLUTION instead of solving.
 */
final class UnsupportedInstanceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedInstanceException(String message) {
        super(message);
    }
}
