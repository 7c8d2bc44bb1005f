package vn.lienthong.signature.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;

/**
 * A hash of a PDF object and everything it refers to, independent of object numbers and file layout, so the same
 * content in two revisions hashes the same. Back-pointers (/Parent, /P) are left out, else hashing one annotation
 * would hash the whole document. Stream bytes are hashed as they stream, never held. One instance per document:
 * it remembers what it hashed, so shared resources (fonts on every page) are read once.
 */
final class CosFingerprint {

    private static final Set<COSName> BACK_POINTERS = Set.of(COSName.PARENT, COSName.P);
    private static final int MAX_DEPTH = 64;
    private static final String CYCLE = "cycle";

    private final Map<COSBase, String> done = new IdentityHashMap<>();
    private final Set<COSBase> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The hash of the object, leaving out the given keys of the object itself (not of what it refers to). */
    String of(COSBase object, Set<COSName> leaveOut) throws IOException {
        return hash(dereference(object), leaveOut, 0);
    }

    String of(COSBase object) throws IOException {
        return of(object, Set.of());
    }

    private String hash(COSBase object, Set<COSName> leaveOut, int depth) throws IOException {
        if (object == null) {
            return "null";
        }
        if (depth > MAX_DEPTH || inProgress.contains(object)) {
            return CYCLE;
        }
        boolean memoizable = leaveOut.isEmpty();
        if (memoizable && done.containsKey(object)) {
            return done.get(object);
        }
        inProgress.add(object);
        MessageDigest digest = sha256();
        try {
            write(object, leaveOut, depth, digest);
        } finally {
            inProgress.remove(object);
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        if (memoizable) {
            done.put(object, hash);
        }
        return hash;
    }

    private void write(COSBase object, Set<COSName> leaveOut, int depth, MessageDigest digest) throws IOException {
        if (object instanceof COSDictionary) {
            COSDictionary dictionary = (COSDictionary) object;
            text(digest, object instanceof COSStream ? "stream{" : "dict{");
            // Sorted keys: the order of entries in a dictionary means nothing.
            for (COSName key : dictionary.keySet().stream().sorted().toArray(COSName[]::new)) {
                if (!leaveOut.contains(key) && !BACK_POINTERS.contains(key)) {
                    text(digest, key.getName() + "=" + hash(dereference(dictionary.getItem(key)), Set.of(), depth + 1) + ";");
                }
            }
            if (object instanceof COSStream) {
                rawBytes((COSStream) object, digest);
            }
        } else if (object instanceof COSArray) {
            text(digest, "array[");
            for (COSBase item : (COSArray) object) {
                text(digest, hash(dereference(item), Set.of(), depth + 1) + ",");
            }
        } else if (object instanceof COSString) {
            text(digest, "string:");
            digest.update(((COSString) object).getBytes());
        } else {
            // Names, numbers, booleans, null: their PDF text form is their value.
            text(digest, object.getClass().getSimpleName() + ":" + object);
        }
    }

    private static void rawBytes(COSStream stream, MessageDigest digest) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = stream.createRawInputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
    }

    private static COSBase dereference(COSBase object) {
        return object instanceof COSObject ? ((COSObject) object).getObject() : object;
    }

    private static void text(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
