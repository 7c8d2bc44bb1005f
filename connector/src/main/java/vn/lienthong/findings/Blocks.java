package vn.lienthong.findings;

/** What a finding stops under the severity policy: an error in a direction stops documents going that way. */
public enum Blocks {
    BOTH("chặn cả gửi và nhận", "blocks sending and receiving"),
    SENDING("chặn gửi", "blocks sending"),
    RECEIVING("chặn nhận", "blocks receiving"),
    NEITHER("không chặn", "blocks neither");

    private final String vietnamese;
    private final String english;

    Blocks(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    static Blocks of(boolean sending, boolean receiving) {
        if (sending) {
            return receiving ? BOTH : SENDING;
        }
        return receiving ? RECEIVING : NEITHER;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }

    public String label() {
        return vietnamese + "/" + english;
    }
}
