package vn.lienthong.dms;

/**
 * Why the connector cannot serve a clients file, or a client in it: a code, a Vietnamese sentence and an English
 * one. Thrown when the file is read, by {@code run} at start and by {@code clients add} before it writes, so both
 * refuse the same things and say so the same way: {@code Vietnamese / CODE: English}.
 */
public final class ClientFileProblem extends IllegalArgumentException {

    private final String code;
    private final String vietnamese;
    private final String english;

    public ClientFileProblem(String code, String vietnamese, String english) {
        super(vietnamese + " / " + code + ": " + english);
        this.code = code;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String code() {
        return code;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }
}
