package vn.lienthong.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds English words in a reason's Vietnamese sentence. The sentence may hold language-neutral values (URIs,
 * element paths such as ds:Reference, OIDs, dates, algorithm names, quoted DNs and attribute values), which are left
 * out first: anything quoted, and any word with a digit, a sign or a capital after its first letter. What is left must
 * hold none of the common English words of the stop list.
 */
public final class VietnameseSentences {

    /**
     * Words that only English uses; short Vietnamese words that are also English (an, to, do) are not listed.
     * Signature and certificate words are listed because they are what a reason about signatures would leak.
     */
    private static final Set<String> ENGLISH = Set.of(
            "the", "is", "are", "was", "be", "not", "no", "cannot", "could", "does", "did", "has", "have", "of", "and", "or",
            "by", "for", "with", "from", "at", "its", "it", "this", "that", "which", "signature", "certificate", "signed",
            "missing", "invalid", "found", "file", "time", "stamp", "answer", "sent", "read", "parsed", "element",
            "transform", "must", "needs", "allows", "neither", "nor", "first", "range", "bytes", "unknown", "digest",
            "authority", "issued", "trusted", "root", "after", "then", "envelope", "revoked", "issuing", "responder");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[.,;:!?()\\[\\]]+|[.,;:!?()\\[\\]]+$");

    private VietnameseSentences() {
    }

    /** The English words of the stop list found in {@code vietnamese} once its neutral values are left out. */
    public static List<String> englishWordsIn(String vietnamese) {
        List<String> found = new ArrayList<>();
        for (String token : QUOTED.matcher(vietnamese).replaceAll(" ").split("\\s+")) {
            String word = EDGE_PUNCTUATION.matcher(token).replaceAll("");
            if (!word.isEmpty() && isPlainWord(word) && ENGLISH.contains(word.toLowerCase(Locale.ROOT))) {
                found.add(word);
            }
        }
        return found;
    }

    /** Letters only, capitalised at most at the start: not an identifier, a URI or a number. */
    private static boolean isPlainWord(String word) {
        return word.chars().allMatch(Character::isLetter)
                && word.substring(1).chars().noneMatch(Character::isUpperCase);
    }

    public static void assertVietnamese(Reason reason) {
        assertThat(englishWordsIn(reason.vietnamese()))
                .as("English words in the Vietnamese sentence of %s: %s", reason.problem(), reason.vietnamese())
                .isEmpty();
    }

    public static void assertVietnamese(Collection<Reason> reasons) {
        assertThat(reasons).as("reasons to look at").isNotEmpty();
        reasons.forEach(VietnameseSentences::assertVietnamese);
    }
}
