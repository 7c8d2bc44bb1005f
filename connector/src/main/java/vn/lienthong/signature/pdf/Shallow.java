package vn.lienthong.signature.pdf;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;

/**
 * Compares PDF values as written, stopping at indirect references: a reference is equal to a reference to the same
 * object number, whatever that object holds now (a replaced object is judged on its own). Direct dictionaries and
 * arrays are compared entry by entry.
 */
final class Shallow {

    private static final int MAX_DEPTH = 32;

    private Shallow() {
    }

    static boolean equal(COSBase a, COSBase b) {
        return equal(a, b, 0);
    }

    private static boolean equal(COSBase a, COSBase b, int depth) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof COSObject || b instanceof COSObject) {
            COSObjectKey left = a instanceof COSObject reference ? reference.getKey() : null;
            COSObjectKey right = b instanceof COSObject reference ? reference.getKey() : null;
            return left != null && left.equals(right);
        }
        if (depth > MAX_DEPTH || a instanceof COSStream || b instanceof COSStream) {
            return false;
        }
        if (a instanceof COSDictionary left && b instanceof COSDictionary right) {
            if (!left.keySet().equals(right.keySet())) {
                return false;
            }
            for (COSName key : left.keySet()) {
                if (!equal(left.getItem(key), right.getItem(key), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSArray left && b instanceof COSArray right) {
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!equal(left.get(i), right.get(i), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof COSString left && b instanceof COSString right) {
            return java.util.Arrays.equals(left.getBytes(), right.getBytes());
        }
        return a.equals(b);
    }

    /** A stable text of a direct value, for telling list items apart. */
    static String text(COSBase value) {
        return value == null ? "null" : value.toString();
    }
}
