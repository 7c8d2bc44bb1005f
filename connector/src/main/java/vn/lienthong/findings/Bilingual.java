package vn.lienthong.findings;

/**
 * A phrase in both languages, used as an argument of a finding's sentence; when the sentence is rendered in
 * one language, the matching side is put in.
 */
public record Bilingual(String vietnamese, String english) {

    @Override
    public String toString() {
        return english;
    }
}
