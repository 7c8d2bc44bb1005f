package vn.lienthong.signature.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;

/**
 * What a reader sees in one revision of a PDF, as hashes: each page (content, resources, size), each annotation,
 * each form field's value, and the catalog entries. Two snapshots compared tell what a later revision changed.
 * Signature fields and their widgets are counted, not hashed: adding or filling one is what a later signer does.
 */
record RevisionSnapshot(
        List<String> pages,
        Map<String, Annotation> annotations,
        Map<String, String> fieldValues,
        Map<String, String> catalog,
        int signatures) {

    record Annotation(String subtype, int page, String hash, boolean signature) {
    }

    /** Catalog entries a later signer or validation data (PAdES DSS) legitimately changes, or that are compared in detail elsewhere. */
    private static final Set<COSName> CATALOG_LEFT_OUT = Set.of(COSName.ACRO_FORM, COSName.getPDFName("DSS"),
            COSName.METADATA, COSName.PAGES, COSName.PERMS, COSName.getPDFName("Extensions"), COSName.VERSION);
    private static final Set<COSName> PAGE_LEFT_OUT = Set.of(COSName.ANNOTS);
    private static final Set<COSName> ANNOTATION_LEFT_OUT = Set.of();

    static RevisionSnapshot of(PDDocument document) throws IOException {
        CosFingerprint fingerprint = new CosFingerprint();
        List<String> pages = new ArrayList<>();
        Map<String, Annotation> annotations = new LinkedHashMap<>();
        int pageNumber = 0;
        for (PDPage page : document.getPages()) {
            pageNumber++;
            // Inherited resources and boxes count too: the page as drawn, not the dictionary as written.
            pages.add(fingerprint.of(page.getCOSObject(), PAGE_LEFT_OUT)
                    + fingerprint.of(page.getResources() == null ? null : page.getResources().getCOSObject())
                    + page.getMediaBox() + page.getRotation());
            addAnnotations(page, pageNumber, fingerprint, annotations);
        }
        Map<String, String> fieldValues = new LinkedHashMap<>();
        int signatures = 0;
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form != null) {
            for (PDField field : form.getFieldTree()) {
                if (field instanceof PDSignatureField) {
                    signatures += ((PDSignatureField) field).getSignature() == null ? 0 : 1;
                } else if (field instanceof PDTerminalField) {
                    fieldValues.put(field.getFullyQualifiedName(), fingerprint.of(field.getCOSObject().getDictionaryObject(COSName.V)));
                }
            }
        }
        Map<String, String> catalog = new LinkedHashMap<>();
        COSDictionary root = document.getDocumentCatalog().getCOSObject();
        for (COSName key : root.keySet()) {
            if (!CATALOG_LEFT_OUT.contains(key)) {
                catalog.put(key.getName(), fingerprint.of(root.getItem(key)));
            }
        }
        return new RevisionSnapshot(pages, annotations, fieldValues, catalog, signatures);
    }

    private static void addAnnotations(PDPage page, int pageNumber, CosFingerprint fingerprint, Map<String, Annotation> into)
            throws IOException {
        COSArray annots = page.getCOSObject().getCOSArray(COSName.ANNOTS);
        if (annots == null) {
            return;
        }
        for (int i = 0; i < annots.size(); i++) {
            COSBase item = annots.getObject(i);
            if (!(item instanceof COSDictionary)) {
                continue;
            }
            COSDictionary annotation = (COSDictionary) item;
            // Indirect annotations keep their object number across revisions; direct ones only their place.
            String id = item.getKey() != null ? "object " + item.getKey() : "page " + pageNumber + " #" + i;
            String subtype = annotation.getNameAsString(COSName.SUBTYPE);
            into.put(id, new Annotation(subtype, pageNumber, fingerprint.of(annotation, ANNOTATION_LEFT_OUT), isSignatureWidget(annotation)));
        }
    }

    private static boolean isSignatureWidget(COSDictionary annotation) {
        if (!COSName.WIDGET.getName().equals(annotation.getNameAsString(COSName.SUBTYPE))) {
            return false;
        }
        COSName type = annotation.getCOSName(COSName.FT);
        if (type == null && annotation.getCOSDictionary(COSName.PARENT) != null) {
            type = annotation.getCOSDictionary(COSName.PARENT).getCOSName(COSName.FT);
        }
        return COSName.SIG.equals(type);
    }
}
