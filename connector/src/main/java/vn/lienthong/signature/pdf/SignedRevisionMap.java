package vn.lienthong.signature.pdf;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import vn.lienthong.findings.Bilingual;

/**
 * What each object of a signed revision is to a reader: the catalog, a page and its number, a content stream, a
 * font or XObject of a page, an annotation and its appearance, a form field, validation data. A later revision that
 * replaces an object is judged by that role, and its reason names it ("object 12, font /F1 of page 1").
 */
final class SignedRevisionMap {

    enum Kind { CATALOG, ACRO_FORM, FORM_RESOURCES, FIELDS_ARRAY, PAGE, ANNOTS_ARRAY, ANNOTATION, FIELD, APPEARANCE, SIGNATURE, DSS,
        METADATA, OTHER }

    /**
     * @param page  the page it belongs to (1-based), 0 when none
     * @param owner for an APPEARANCE, the annotation (or field) it draws; null otherwise
     */
    record Role(Kind kind, Bilingual label, int page, COSObjectKey owner) {
    }

    private static final int MAX_OBJECTS = 200_000;
    private static final int MAX_DEPTH = 64;
    private static final Map<COSName, Bilingual> RESOURCE_KINDS = Map.of(
            COSName.FONT, new Bilingual("phông chữ", "font"),
            COSName.XOBJECT, new Bilingual("XObject", "XObject"),
            COSName.EXT_G_STATE, new Bilingual("trạng thái đồ họa", "graphics state"),
            COSName.COLORSPACE, new Bilingual("không gian màu", "colour space"),
            COSName.PATTERN, new Bilingual("mẫu tô", "pattern"),
            COSName.SHADING, new Bilingual("tô chuyển sắc", "shading"),
            COSName.PROPERTIES, new Bilingual("thuộc tính nội dung tùy chọn", "optional content property"));

    private final Map<COSObjectKey, Role> roles = new HashMap<>();

    private SignedRevisionMap() {
    }

    Role roleOf(COSObjectKey key) {
        return roles.get(key);
    }

    static SignedRevisionMap of(PDDocument signed) {
        SignedRevisionMap map = new SignedRevisionMap();
        COSDictionary catalog = signed.getDocumentCatalog().getCOSObject();
        map.put(catalog, Kind.CATALOG, new Bilingual("danh mục tài liệu (catalog)", "the document catalog"), 0, null);
        int number = 0;
        for (PDPage page : signed.getPages()) {
            map.page(page, ++number);
        }
        map.form(catalog.getItem(COSName.ACRO_FORM));
        map.tree(catalog.getItem(COSName.getPDFName("DSS")), Kind.DSS,
                new Bilingual("dữ liệu kiểm tra dài hạn (DSS)", "long-term validation data (DSS)"), 0);
        map.tree(catalog.getItem(COSName.METADATA), Kind.METADATA, new Bilingual("siêu dữ liệu XMP", "XMP metadata"), 0);
        map.tree(catalog.getItem(COSName.OCPROPERTIES), Kind.OTHER,
                new Bilingual("thiết lập hiển thị nội dung tùy chọn (OCG)", "the optional content (OCG) visibility settings"), 0);
        for (COSName key : catalog.keySet()) {
            map.tree(catalog.getItem(key), Kind.OTHER, new Bilingual("mục /" + key.getName() + " của danh mục tài liệu",
                    "the catalog's /" + key.getName()), 0);
        }
        return map;
    }

    private void page(PDPage page, int number) {
        COSDictionary dictionary = page.getCOSObject();
        put(dictionary, Kind.PAGE, new Bilingual("trang " + number, "page " + number), number, null);
        tree(dictionary.getItem(COSName.CONTENTS), Kind.OTHER,
                new Bilingual("luồng nội dung của trang " + number, "a content stream of page " + number), number);
        if (page.getResources() != null) {
            resources(page.getResources().getCOSObject(), number, 0);
        }
        COSBase annots = dictionary.getItem(COSName.ANNOTS);
        put(annots, Kind.ANNOTS_ARRAY, new Bilingual("danh sách chú thích của trang " + number,
                "the annotation list of page " + number), number, null);
        if (dereference(annots) instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                annotation(array.get(i), number);
            }
        }
        tree(dictionary, Kind.OTHER, new Bilingual("một đối tượng của trang " + number, "an object of page " + number), number);
    }

    private void resources(COSDictionary resources, int page, int depth) {
        put(resources, Kind.OTHER, new Bilingual("tài nguyên của trang " + page, "the resources of page " + page), page, null);
        if (depth > 8) {
            return;
        }
        RESOURCE_KINDS.forEach((category, name) -> {
            COSBase entries = resources.getItem(category);
            put(entries, Kind.OTHER, new Bilingual("danh mục " + name.vietnamese() + " của trang " + page,
                    "the " + name.english() + " list of page " + page), page, null);
            if (dereference(entries) instanceof COSDictionary dictionary) {
                for (COSName resource : dictionary.keySet()) {
                    COSBase value = dictionary.getItem(resource);
                    Bilingual label = new Bilingual(name.vietnamese() + " /" + resource.getName() + " của trang " + page,
                            name.english() + " /" + resource.getName() + " of page " + page);
                    put(value, Kind.OTHER, label, page, null);
                    if (dereference(value) instanceof COSStream form
                            && form.getDictionaryObject(COSName.RESOURCES) instanceof COSDictionary nested) {
                        resources(nested, page, depth + 1);
                    }
                    tree(value, Kind.OTHER, label, page);
                }
            }
        });
    }

    private void annotation(COSBase item, int page) {
        if (!(dereference(item) instanceof COSDictionary annotation)) {
            return;
        }
        String subtype = annotation.getNameAsString(COSName.SUBTYPE);
        Bilingual label = new Bilingual("chú thích (" + subtype + ") trên trang " + page, "an annotation (" + subtype + ") on page " + page);
        put(item, isField(annotation) ? Kind.FIELD : Kind.ANNOTATION, label, page, null);
        appearance(item, annotation, label, page);
    }

    private void appearance(COSBase owner, COSDictionary annotation, Bilingual label, int page) {
        COSBase appearances = annotation.getItem(COSName.AP);
        Bilingual drawn = new Bilingual("hình hiển thị của " + label.vietnamese(), "the appearance of " + label.english());
        put(appearances, Kind.APPEARANCE, drawn, page, keyOf(owner));
        if (dereference(appearances) instanceof COSDictionary states) {
            for (COSName state : states.keySet()) {
                COSBase value = states.getItem(state);
                put(value, Kind.APPEARANCE, drawn, page, keyOf(owner));
                if (dereference(value) instanceof COSDictionary byState && !(dereference(value) instanceof COSStream)) {
                    byState.keySet().forEach(name -> put(byState.getItem(name), Kind.APPEARANCE, drawn, page, keyOf(owner)));
                }
            }
        }
    }

    private void form(COSBase acroForm) {
        put(acroForm, Kind.ACRO_FORM, new Bilingual("biểu mẫu tương tác (AcroForm)", "the interactive form (AcroForm)"), 0, null);
        if (dereference(acroForm) instanceof COSDictionary form) {
            COSBase fields = form.getItem(COSName.FIELDS);
            put(fields, Kind.FIELDS_ARRAY, new Bilingual("danh sách trường biểu mẫu", "the form's field list"), 0, null);
            if (dereference(fields) instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    field(array.get(i), "", 0);
                }
            }
            // Fonts for drawing field values and signatures: what they change shows only in appearances drawn anew.
            tree(form.getItem(COSName.DR), Kind.FORM_RESOURCES,
                    new Bilingual("tài nguyên mặc định của biểu mẫu (/DR)", "the form's default resources (/DR)"), 0);
        }
    }

    private void field(COSBase item, String parentName, int depth) {
        if (!(dereference(item) instanceof COSDictionary field) || depth > MAX_DEPTH) {
            return;
        }
        String partial = field.getString(COSName.T);
        String name = partial == null ? parentName : parentName.isEmpty() ? partial : parentName + "." + partial;
        Role known = roles.get(keyOf(item));
        int page = known == null ? 0 : known.page();
        Bilingual label = new Bilingual("trường biểu mẫu '" + name + "'", "the form field '" + name + "'");
        if (item instanceof COSObject) {
            roles.put(keyOf(item), new Role(Kind.FIELD, label, page, null));
        }
        if (field.getDictionaryObject(COSName.V) instanceof COSDictionary value && isSignatureValue(value)) {
            put(field.getItem(COSName.V), Kind.SIGNATURE, new Bilingual("chữ ký trong " + label.vietnamese(),
                    "the signature in " + label.english()), page, null);
        }
        appearance(item, field, label, page);
        if (field.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
            for (int i = 0; i < kids.size(); i++) {
                field(kids.get(i), name, depth + 1);
            }
        }
    }

    /** Labels every object reachable from {@code value} that has no role yet with {@code kind} and {@code label}. */
    private void tree(COSBase value, Kind kind, Bilingual label, int page) {
        java.util.ArrayDeque<COSBase> pending = new java.util.ArrayDeque<>();
        java.util.Set<COSBase> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        pending.push(value == null ? org.apache.pdfbox.cos.COSNull.NULL : value);
        while (!pending.isEmpty() && roles.size() < MAX_OBJECTS) {
            COSBase current = pending.pop();
            if (!seen.add(current)) {
                continue;
            }
            if (current instanceof COSObject reference) {
                if (roles.containsKey(reference.getKey()) && current != value) {
                    continue;
                }
                put(reference, kind, label, page, null);
                current = reference.getObject();
                if (current == null) {
                    continue;
                }
            }
            if (current instanceof COSDictionary dictionary) {
                for (COSName key : dictionary.keySet()) {
                    if (!Set.of(COSName.PARENT, COSName.P).contains(key)) {
                        pending.push(dictionary.getItem(key));
                    }
                }
            } else if (current instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    pending.push(array.get(i));
                }
            }
        }
    }

    private void put(COSBase value, Kind kind, Bilingual label, int page, COSObjectKey owner) {
        COSObjectKey key = keyOf(value);
        if (key != null) {
            roles.putIfAbsent(key, new Role(kind, label, page, owner));
        }
    }

    static COSObjectKey keyOf(COSBase value) {
        if (value instanceof COSObject reference) {
            return reference.getKey();
        }
        return value == null ? null : value.getKey();
    }

    static COSBase dereference(COSBase value) {
        return value instanceof COSObject reference ? reference.getObject() : value;
    }

    static boolean isField(COSDictionary dictionary) {
        return dictionary.containsKey(COSName.FT) || dictionary.containsKey(COSName.T)
                || (dictionary.getDictionaryObject(COSName.PARENT) instanceof COSDictionary parent && isField(parent));
    }

    static boolean isSignatureValue(COSDictionary value) {
        COSName type = value.getCOSName(COSName.TYPE);
        return COSName.SIG.equals(type) || COSName.DOC_TIME_STAMP.equals(type) || value.containsKey(COSName.BYTERANGE);
    }
}
