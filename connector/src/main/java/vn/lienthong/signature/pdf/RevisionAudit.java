package vn.lienthong.signature.pdf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.lienthong.findings.Bilingual;
import vn.lienthong.signature.pdf.SignedRevisionMap.Kind;
import vn.lienthong.signature.pdf.SignedRevisionMap.Role;

/**
 * Accounts for every object a later revision defines. A page can only show something else if an object the signed
 * revision reaches from its catalog is replaced, since every path from the catalog runs through such objects; so
 * each replaced object is judged by its role in the signed revision (see {@link SignedRevisionMap}):
 * <ul>
 *   <li>allowed, whatever the level: validation data (DSS), XMP metadata, objects the signed revision never used;</li>
 *   <li>allowed when what changed in them is what signing, form fill or annotating changes, and that is permitted:
 *       the catalog (/AcroForm, /DSS), the form (/Fields with new signature fields, /SigFlags), a page's or the
 *       form's lists (new signature widgets, new annotations when permitted), an empty signature field being signed,
 *       a text field's value and appearance when form fill is permitted;</li>
 *   <li>anything else is a modification: a content stream, font, XObject or resource of a page, the optional
 *       content settings, an existing annotation's appearance, an earlier signature's dictionary.</li>
 * </ul>
 * New objects need no judgement of their own: nothing the signed revision shows can reach them without a replaced
 * object that is judged. A replaced catalog (another /Root) is a modification too.
 */
final class RevisionAudit {

    /** DocMDP (ISO 32000-1 §12.8.2.2): what a certification signature permits afterwards; null for approval only. */
    record Permissions(boolean signatures, boolean formFill, boolean annotations) {

        static Permissions of(PDDocument signed, PdfIntegrityPolicy policy) {
            Integer level = docMdpLevel(signed);
            if (level == null) {
                return new Permissions(true, policy.approvalAllowsFormFill(), policy.approvalAllowsAnnotations());
            }
            return new Permissions(level >= 2, level >= 2, level >= 3);
        }
    }

    private static final Set<COSName> CATALOG_MAY_CHANGE = Set.of(COSName.ACRO_FORM, COSName.getPDFName("DSS"),
            COSName.getPDFName("Extensions"), COSName.VERSION, COSName.METADATA);
    private static final Set<COSName> FORM_MAY_CHANGE = Set.of(COSName.FIELDS, COSName.SIG_FLAGS, COSName.DR);
    private static final Set<COSName> SIGNING_AN_EMPTY_FIELD = Set.of(COSName.V, COSName.AP, COSName.AS,
            COSName.getPDFName("Lock"), COSName.F);
    private static final Set<COSName> FILLING_A_FIELD = Set.of(COSName.V, COSName.AP, COSName.AS);

    private final PDDocument signed;
    private final PDDocument latest;
    private final long signedEnd;
    private final SignedRevisionMap roles;
    private final Permissions permitted;
    private final List<Bilingual> changes = new ArrayList<>();

    private RevisionAudit(PDDocument signed, PDDocument latest, long signedEnd, Permissions permitted) {
        this.signed = signed;
        this.latest = latest;
        this.signedEnd = signedEnd;
        this.roles = SignedRevisionMap.of(signed);
        this.permitted = permitted;
    }

    /** Every change the later revisions make that the signature does not allow, in both languages; empty when none. */
    static List<Bilingual> changes(PDDocument signed, PDDocument latest, long signedEnd, PdfIntegrityPolicy policy) {
        RevisionAudit audit = new RevisionAudit(signed, latest, signedEnd, Permissions.of(signed, policy));
        audit.run();
        return audit.changes;
    }

    private void run() {
        COSObjectKey signedRoot = SignedRevisionMap.keyOf(signed.getDocument().getTrailer().getItem(COSName.ROOT));
        COSObjectKey latestRoot = SignedRevisionMap.keyOf(latest.getDocument().getTrailer().getItem(COSName.ROOT));
        if (!Objects.equals(signedRoot, latestRoot)) {
            changes.add(new Bilingual("danh mục tài liệu bị thay bằng đối tượng " + number(latestRoot),
                    "the document catalog was replaced by object " + number(latestRoot)));
            return;
        }
        Map<COSObjectKey, Long> signedXref = signed.getDocument().getXrefTable();
        Map<COSObjectKey, Long> latestXref = latest.getDocument().getXrefTable();
        List<COSObjectKey> replaced = latestXref.keySet().stream()
                .filter(key -> definedLater(key, latestXref) && signedXref.containsKey(key))
                .sorted(java.util.Comparator.comparingLong(COSObjectKey::getNumber)).toList();
        for (COSObjectKey key : replaced) {
            Role role = roles.roleOf(key);
            if (role != null) {
                judge(key, role, object(signed, key), object(latest, key));
            }
        }
    }

    private boolean definedLater(COSObjectKey key, Map<COSObjectKey, Long> xref) {
        Long offset = xref.get(key);
        if (offset == null) {
            return false;
        }
        if (offset < 0) {
            // Compressed: it is as new as the object stream that holds it.
            Long stream = xref.get(new COSObjectKey(-offset, 0));
            return stream != null && stream >= signedEnd;
        }
        return offset >= signedEnd;
    }

    private void judge(COSObjectKey key, Role role, COSBase before, COSBase after) {
        switch (role.kind()) {
            case DSS, METADATA -> {
                // Validation data and document metadata change nothing a page shows.
            }
            case FORM_RESOURCES -> {
                if (!permitted.signatures() && !permitted.formFill()) {
                    replaced(key, role);
                }
            }
            case CATALOG -> dictionary(key, role, before, after, CATALOG_MAY_CHANGE);
            case ACRO_FORM -> dictionary(key, role, before, after, FORM_MAY_CHANGE);
            case FIELDS_ARRAY -> list(role, before, after, this::allowedNewField);
            case PAGE -> dictionary(key, role, before, after, Set.of(COSName.ANNOTS));
            case ANNOTS_ARRAY -> list(role, before, after, this::allowedNewAnnotation);
            case FIELD -> field(key, role, before, after);
            case APPEARANCE -> appearance(key, role);
            default -> replaced(key, role);
        }
    }

    /** A dictionary whose keys outside {@code mayChange} must stay as signed; lists among them are judged item by item. */
    private void dictionary(COSObjectKey key, Role role, COSBase before, COSBase after, Set<COSName> mayChange) {
        if (!(before instanceof COSDictionary signedDictionary) || !(after instanceof COSDictionary latestDictionary)
                || before instanceof COSStream || after instanceof COSStream) {
            replaced(key, role);
            return;
        }
        Set<COSName> keys = new LinkedHashSet<>(signedDictionary.keySet());
        keys.addAll(latestDictionary.keySet());
        for (COSName name : keys) {
            COSBase was = signedDictionary.getItem(name);
            COSBase is = latestDictionary.getItem(name);
            if (Shallow.equal(was, is)) {
                continue;
            }
            if (!mayChange.contains(name)) {
                changes.add(new Bilingual(role.label().vietnamese() + " (đối tượng " + key.getNumber() + ") đổi /" + name.getName(),
                        role.label().english() + " (object " + key.getNumber() + ") changed its /" + name.getName()));
            } else if (name.equals(COSName.ANNOTS)) {
                list(role, was, is, this::allowedNewAnnotation);
            } else if (name.equals(COSName.FIELDS)) {
                list(role, was, is, this::allowedNewField);
            } else if (name.equals(COSName.ACRO_FORM)) {
                dictionary(key, new Role(Kind.ACRO_FORM, new Bilingual("biểu mẫu tương tác (AcroForm)",
                        "the interactive form (AcroForm)"), 0, null), SignedRevisionMap.dereference(was),
                        SignedRevisionMap.dereference(is), FORM_MAY_CHANGE);
            }
        }
    }

    /** A list whose signed items must all stay; an added item must be one {@code allowed} accepts. */
    private void list(Role role, COSBase before, COSBase after, java.util.function.Predicate<COSBase> allowed) {
        List<COSBase> was = items(before);
        List<COSBase> is = items(after);
        Set<Object> present = new HashSet<>();
        is.forEach(item -> present.add(identity(item)));
        for (COSBase item : was) {
            if (!present.contains(identity(item))) {
                changes.add(new Bilingual("một mục bị gỡ khỏi " + role.label().vietnamese(),
                        "an entry was removed from " + role.label().english()));
            }
        }
        Set<Object> signedItems = new HashSet<>();
        was.forEach(item -> signedItems.add(identity(item)));
        for (COSBase item : is) {
            if (!signedItems.contains(identity(item)) && !allowed.test(item)) {
                changes.add(new Bilingual(describeAdded(item, role, true), describeAdded(item, role, false)));
            }
        }
    }

    private boolean allowedNewAnnotation(COSBase item) {
        if (!(SignedRevisionMap.dereference(item) instanceof COSDictionary annotation)) {
            return false;
        }
        if (isSignatureField(annotation)) {
            return isSigned(annotation) && (permitted.signatures() || isDocumentTimestamp(annotation));
        }
        return permitted.annotations() && !COSName.WIDGET.equals(annotation.getCOSName(COSName.SUBTYPE));
    }

    private boolean allowedNewField(COSBase item) {
        return SignedRevisionMap.dereference(item) instanceof COSDictionary field && isSignatureField(field)
                && isSigned(field) && (permitted.signatures() || isDocumentTimestamp(field));
    }

    /** A signature field may get its signature once; a form field its value and appearance, when form fill is permitted. */
    private void field(COSObjectKey key, Role role, COSBase before, COSBase after) {
        if (!(before instanceof COSDictionary was) || !(after instanceof COSDictionary is)) {
            replaced(key, role);
            return;
        }
        boolean emptySignatureField = isSignatureField(was) && was.getDictionaryObject(COSName.V) == null;
        Set<COSName> mayChange = emptySignatureField && (permitted.signatures() || isDocumentTimestamp(is))
                ? SIGNING_AN_EMPTY_FIELD
                : !isSignatureField(was) && permitted.formFill() ? FILLING_A_FIELD : Set.of();
        dictionary(key, role, before, after, mayChange);
    }

    /** The appearance of a widget may be redrawn with the signature or the value it is being given, nothing else. */
    private void appearance(COSObjectKey key, Role role) {
        COSBase owner = role.owner() == null ? null : object(signed, role.owner());
        if (owner instanceof COSDictionary field) {
            boolean signing = isSignatureField(field) && field.getDictionaryObject(COSName.V) == null && permitted.signatures();
            boolean filling = !isSignatureField(field) && SignedRevisionMap.isField(field) && permitted.formFill();
            if (signing || filling) {
                return;
            }
        }
        replaced(key, role);
    }

    private void replaced(COSObjectKey key, Role role) {
        changes.add(new Bilingual("đối tượng " + key.getNumber() + " (" + role.label().vietnamese() + ") đã bị thay thế",
                "object " + key.getNumber() + " (" + role.label().english() + ") was replaced"));
    }

    /** "an annotation (Text), object 12, was added on page 1", or the same of a form field. */
    private static String describeAdded(COSBase item, Role role, boolean vietnamese) {
        String object = item instanceof COSObject reference ? (vietnamese ? ", đối tượng " : ", object ")
                + reference.getKey().getNumber() + "," : "";
        COSDictionary dictionary = SignedRevisionMap.dereference(item) instanceof COSDictionary found ? found : new COSDictionary();
        String subtype = dictionary.getNameAsString(COSName.SUBTYPE);
        boolean field = subtype == null || COSName.WIDGET.getName().equals(subtype) && dictionary.containsKey(COSName.FT);
        String type = field ? dictionary.getNameAsString(COSName.FT) : subtype;
        String what = (field ? (vietnamese ? "một trường biểu mẫu" : "a form field") : (vietnamese ? "một chú thích" : "an annotation"))
                + (type == null ? "" : " (" + type + ")") + object;
        if (vietnamese) {
            return what + " được thêm vào " + (role.page() > 0 ? "trang " + role.page() : role.label().vietnamese());
        }
        return what + " was added " + (role.page() > 0 ? "on page " + role.page() : "to " + role.label().english());
    }

    private static boolean isSignatureField(COSDictionary dictionary) {
        COSName type = dictionary.getCOSName(COSName.FT);
        if (type == null && dictionary.getDictionaryObject(COSName.PARENT) instanceof COSDictionary parent) {
            type = parent.getCOSName(COSName.FT);
        }
        return COSName.SIG.equals(type);
    }

    /**
     * Whether a new signature field carries a signature. An empty one is no signing, and its widget could draw
     * anything over the page, so it is not among what signing may add.
     */
    private static boolean isSigned(COSDictionary field) {
        COSBase value = field.getDictionaryObject(COSName.V);
        if (value == null && field.getDictionaryObject(COSName.PARENT) instanceof COSDictionary parent) {
            value = parent.getDictionaryObject(COSName.V);
        }
        return value instanceof COSDictionary signature && SignedRevisionMap.isSignatureValue(signature);
    }

    private static boolean isDocumentTimestamp(COSDictionary field) {
        COSBase value = field.getDictionaryObject(COSName.V);
        if (value == null && field.getDictionaryObject(COSName.PARENT) instanceof COSDictionary parent) {
            value = parent.getDictionaryObject(COSName.V);
        }
        return value instanceof COSDictionary signature && COSName.DOC_TIME_STAMP.equals(signature.getCOSName(COSName.TYPE));
    }

    private static List<COSBase> items(COSBase list) {
        List<COSBase> items = new ArrayList<>();
        if (SignedRevisionMap.dereference(list) instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                items.add(array.get(i));
            }
        }
        return items;
    }

    /** An indirect item is itself by its object number; a direct one by its value. */
    private static Object identity(COSBase item) {
        COSObjectKey key = item instanceof COSObject reference ? reference.getKey() : null;
        return key != null ? key : Shallow.text(item);
    }

    private static COSBase object(PDDocument document, COSObjectKey key) {
        COSObject object = document.getDocument().getObjectFromPool(key);
        return object == null ? null : object.getObject();
    }

    private static String number(COSObjectKey key) {
        return key == null ? "?" : Long.toString(key.getNumber());
    }

    /** The DocMDP level of the certification signature in force in {@code signed}, or null when there is none. */
    static Integer docMdpLevel(PDDocument signed) {
        if (!(signed.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.PERMS) instanceof COSDictionary perms)
                || !(perms.getDictionaryObject(COSName.DOCMDP) instanceof COSDictionary signature)
                || !(signature.getDictionaryObject(COSName.REFERENCE) instanceof COSArray references)) {
            return null;
        }
        for (int i = 0; i < references.size(); i++) {
            if (references.getObject(i) instanceof COSDictionary reference
                    && COSName.DOCMDP.equals(reference.getCOSName(COSName.TRANSFORM_METHOD))) {
                COSBase parameters = reference.getDictionaryObject(COSName.TRANSFORM_PARAMS);
                int level = parameters instanceof COSDictionary dictionary ? dictionary.getInt(COSName.P, 2) : 2;
                return Math.max(1, Math.min(3, level));
            }
        }
        return null;
    }
}
