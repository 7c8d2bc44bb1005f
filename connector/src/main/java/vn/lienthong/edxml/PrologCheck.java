package vn.lienthong.edxml;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import vn.lienthong.findings.FindingCode;
import vn.lienthong.findings.Location;
import vn.lienthong.findings.Problem;

/**
 * Looks at the first bytes of a file before parsing, to name two common field faults plainly: an empty file,
 * and bytes sent ahead of the XML declaration (a parser would only say "unexpected character in prolog").
 */
final class PrologCheck {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private PrologCheck() {
    }

    /** Returns the problem with the file's start, or null when parsing may go ahead. */
    static Problem check(byte[] prefix) {
        int start = startsWith(prefix, UTF8_BOM) ? UTF8_BOM.length : 0;
        String head = new String(prefix, start, prefix.length - start, StandardCharsets.ISO_8859_1);
        if (head.isBlank()) {
            return prefix.length == 0 || head.length() == prefix.length - start
                    ? Problem.of(FindingCode.XML_EMPTY_FILE, Location.at(1, 1))
                    : null;
        }
        int declaration = head.indexOf("<?xml");
        if (declaration > 0) {
            return Problem.of(FindingCode.XML_CONTENT_BEFORE_DECLARATION, positionOf(head, declaration));
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static Location positionOf(String text, int index) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return Location.at(line, column);
    }
}
