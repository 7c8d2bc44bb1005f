package vn.lienthong.signature.pdf;

import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import vn.lienthong.signature.Verdict;

/**
 * What may follow a PDF signature, from configuration. After an approval signature (no certification level in
 * force), later signatures, document time stamps and validation data (DSS) are always allowed; filling in form
 * fields and adding annotations only when {@code lienthong.signature.pdf.approval-allows} names them. After a
 * certification signature its DocMDP level decides (P=1 none, P=2 form fill, P=3 form fill and annotations).
 * Bytes after the last %%EOF that are not a revision get {@code lienthong.signature.pdf.trailing-bytes}.
 *
 * @param trailingBytes the verdict of a signature followed by bytes that are no revision
 */
public record PdfIntegrityPolicy(boolean approvalAllowsFormFill, boolean approvalAllowsAnnotations, Verdict trailingBytes) {

    public static final PdfIntegrityPolicy DEFAULTS = new PdfIntegrityPolicy(false, false, Verdict.INDETERMINATE);

    static final String APPROVAL_ALLOWS = "lienthong.signature.pdf.approval-allows";
    static final String TRAILING_BYTES = "lienthong.signature.pdf.trailing-bytes";

    public static PdfIntegrityPolicy from(Properties properties) {
        Set<String> allows = Arrays.stream(properties.getProperty(APPROVAL_ALLOWS, "").split(","))
                .map(item -> item.strip().toLowerCase(Locale.ROOT)).filter(item -> !item.isEmpty()).collect(Collectors.toSet());
        Set<String> unknown = allows.stream().filter(item -> !Set.of("form-fill", "annotations").contains(item))
                .collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(APPROVAL_ALLOWS + " takes form-fill and annotations, not " + unknown);
        }
        String trailing = properties.getProperty(TRAILING_BYTES, "indeterminate").strip().toUpperCase(Locale.ROOT);
        Verdict verdict;
        try {
            verdict = Verdict.valueOf(trailing);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(TRAILING_BYTES + " must be valid, indeterminate or invalid, not '" + trailing + "'");
        }
        return new PdfIntegrityPolicy(allows.contains("form-fill"), allows.contains("annotations"), verdict);
    }
}
