package io.fabricplan.json;

/** JSON pointers (RFC 6901) as the messages name places: {@code /links/13/gbps}. */
final class Pointers {
    /** Pointers longer than this are shortened in messages (a document nested 100,000 deep has long ones). */
    static final int SHOWN_CHARS = 200;

    private Pointers() {
    }

    /** {@code parent/key}, the key escaped ({@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
    static String child(String parent, String key) {
        return (parent.equals("/") ? "" : parent) + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String parent, int index) {
        return (parent.equals("/") ? "" : parent) + "/" + index;
    }

    /** A pointer as messages show it: at most {@link #SHOWN_CHARS} characters; "/" for the whole document. */
    static String shown(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return "/";
        }
        return pointer.length() <= SHOWN_CHARS ? pointer
                : pointer.substring(0, SHOWN_CHARS - 40) + "/... (" + JsonLimits.grouped(pointer.length())
                + " characters)";
    }
}
