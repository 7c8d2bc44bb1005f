package vn.lienthong.signature.pki;

import java.util.List;
import java.util.stream.Collectors;
import vn.lienthong.findings.Bilingual;

/**
 * Joining revocation details that are phrases in both languages: a status answered by two sources, or by several
 * URLs of one source, says why each could not tell, and each language keeps its own words.
 */
final class Phrases {

    private Phrases() {
    }

    static Bilingual of(String vietnamese, String english) {
        return new Bilingual(vietnamese, english);
    }

    /** The phrases one after the other, separated as a list in a sentence is. */
    static Bilingual joined(List<Bilingual> phrases) {
        return new Bilingual(phrases.stream().map(Bilingual::vietnamese).collect(Collectors.joining("; ")),
                phrases.stream().map(Bilingual::english).collect(Collectors.joining("; ")));
    }

    /** A phrase followed by more words about it (e.g. whose certificate it is about). */
    static Bilingual followedBy(Bilingual phrase, Bilingual more) {
        return new Bilingual(phrase.vietnamese() + more.vietnamese(), phrase.english() + more.english());
    }
}
