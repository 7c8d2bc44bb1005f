package vn.lienthong.signature.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The gap's hex digits match /Contents exactly when they spell it, however the file's reads cut them into chunks. */
class HexComparisonProperties {

    @Property(tries = 300)
    void hex_that_spells_the_contents_matches_in_any_chunks(@ForAll @Size(max = 300) byte[] contents,
            @ForAll boolean upperCase, @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 40) Integer> cuts) {
        String hex = HexFormat.of().formatHex(contents);
        assertThat(compare(contents, upperCase ? hex.toUpperCase() : hex, cuts)).isTrue();
    }

    @Property(tries = 300)
    void hex_that_differs_anywhere_does_not_match(@ForAll @Size(min = 1, max = 300) byte[] contents,
            @ForAll @IntRange(min = 0, max = 599) int where, @ForAll char replacement,
            @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 40) Integer> cuts) {
        char[] hex = HexFormat.of().formatHex(contents).toCharArray();
        int at = where % hex.length;
        if (Character.toLowerCase(replacement) == hex[at] || replacement > 0xFF) {
            return; // the same digit, or not one byte of the file
        }
        hex[at] = replacement;
        assertThat(compare(contents, new String(hex), cuts)).isFalse();
    }

    @Property(tries = 100)
    void a_digit_too_many_or_too_few_does_not_match(@ForAll @Size(min = 1, max = 100) byte[] contents, @ForAll boolean more,
            @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 40) Integer> cuts) {
        String hex = HexFormat.of().formatHex(contents);
        assertThat(compare(contents, more ? hex + "0" : hex.substring(0, hex.length() - 1), cuts)).isFalse();
    }

    /** Feeds {@code hex} in chunks of the given sizes (then the rest), as SignedFile.stream would. */
    private static boolean compare(byte[] contents, String hex, List<Integer> cuts) {
        byte[] text = hex.getBytes(StandardCharsets.ISO_8859_1);
        ByteRangeCheck.HexComparison comparison = new ByteRangeCheck.HexComparison(contents);
        int position = 0;
        for (int cut : cuts) {
            int count = Math.min(cut, text.length - position);
            byte[] chunk = new byte[64];
            System.arraycopy(text, position, chunk, 0, count);
            comparison.accept(chunk, count);
            position += count;
        }
        byte[] rest = java.util.Arrays.copyOfRange(text, position, text.length);
        comparison.accept(rest, rest.length);
        return comparison.matches();
    }
}
