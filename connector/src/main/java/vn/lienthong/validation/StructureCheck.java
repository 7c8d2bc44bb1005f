package vn.lienthong.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.lienthong.edxml.EdxmlNames;
import vn.lienthong.edxml.MessageType;
import vn.lienthong.edxml.XmlNode;
import vn.lienthong.findings.Bilingual;
import vn.lienthong.findings.FindingCode;
import vn.lienthong.findings.Location;
import vn.lienthong.validation.StructureModel.ContentModel;
import vn.lienthong.validation.StructureModel.Particle;
import vn.lienthong.validation.StructureModel.ValueType;

/**
 * Checks the element tree of an envelope against the structure of {@link StructureModel}, in any order: which
 * elements may appear where, how often, which are required, which attributes, and the integer and boolean values.
 * Order is never checked: implementations in the field disagree on it and no receiver depends on it.
 * An element that is not part of the structure is reported once and not looked into.
 */
final class StructureCheck {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern BOOLEAN = Pattern.compile("true|false|1|0");
    private static final Bilingual TEXT_ONLY =
            new Bilingual("chỉ văn bản, không có phần tử con", "text only, no child elements");
    private static final Bilingual A_WHOLE_NUMBER = new Bilingual("một số nguyên", "a whole number");
    private static final Bilingual A_BOOLEAN =
            new Bilingual("một giá trị đúng/sai (true, false, 1 hoặc 0)", "a boolean (true, false, 1 or 0)");

    private final StructureModel edoc = StructureModel.load("edoc.xsd");
    private final StructureModel status = StructureModel.load("status.xsd");

    /** Reports every structural problem of the tree to {@code problems}, in document order of the elements concerned. */
    void check(XmlNode root, MessageType type, RuleContext problems) {
        StructureModel model = type == MessageType.STATUS ? status : edoc;
        element(root, model.root(), model, problems);
    }

    private static void element(XmlNode node, Particle particle, StructureModel model, RuleContext problems) {
        if (particle.isComplex()) {
            complex(node, model.contentOf(particle), model, problems);
        } else {
            simple(node, particle.valueType(), problems);
        }
    }

    private static void complex(XmlNode node, ContentModel content, StructureModel model, RuleContext problems) {
        attributes(node, content, problems);
        if (!node.text().isBlank()) {
            problems.report(FindingCode.SCHEMA_UNEXPECTED_TEXT, node.location(), shown(node),
                    Display.quoted(node.text().strip()));
        }
        Map<String, Integer> totals = node.children().stream()
                .collect(Collectors.toMap(StructureCheck::key, child -> 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        for (XmlNode child : node.children()) {
            Optional<Particle> declared = EdxmlNames.NAMESPACE.equals(child.namespace())
                    ? content.element(child.name()) : Optional.empty();
            Optional<StructureModel.Wildcard> wildcard = content.wildcard(child.namespace());
            if (declared.isEmpty() && wildcard.isEmpty()) {
                problems.report(FindingCode.SCHEMA_UNEXPECTED_ELEMENT, child.location(), shown(child),
                        shown(node), expected(content));
                continue;
            }
            int occurrence = seen.merge(key(child), 1, Integer::sum);
            int max = declared.map(Particle::max).orElseGet(() -> wildcard.get().max());
            if (occurrence == max + 1) {
                problems.report(FindingCode.SCHEMA_REPEATED_ELEMENT, child.location(), shown(child),
                        totals.get(key(child)), shown(node), max);
            }
            if (declared.isPresent()) {
                element(child, declared.get(), model, problems);
            }
        }
        for (Particle required : content.elements()) {
            if (required.min() > 0 && seen.getOrDefault(EdxmlNames.NAMESPACE + " " + required.name(), 0) < required.min()) {
                Location where = node.location().withPath(node.location().path() + "/" + required.name());
                problems.report(FindingCode.SCHEMA_MISSING_ELEMENT, where, required.name(), shown(node));
            }
        }
    }

    private static void simple(XmlNode node, ValueType type, RuleContext problems) {
        attributes(node, null, problems);
        for (XmlNode child : node.children()) {
            problems.report(FindingCode.SCHEMA_UNEXPECTED_ELEMENT, child.location(), shown(child), shown(node),
                    TEXT_ONLY);
        }
        String value = node.text().strip();
        if (type == ValueType.INTEGER && !INTEGER.matcher(value).matches()) {
            problems.report(FindingCode.SCHEMA_INVALID_VALUE, node.location(), Display.quoted(value), shown(node),
                    A_WHOLE_NUMBER);
        } else if (type == ValueType.BOOLEAN && !BOOLEAN.matcher(value).matches()) {
            problems.report(FindingCode.SCHEMA_INVALID_VALUE, node.location(), Display.quoted(value), shown(node),
                    A_BOOLEAN);
        }
    }

    /** {@code content} null: a simple element, which takes no attribute. */
    private static void attributes(XmlNode node, ContentModel content, RuleContext problems) {
        for (XmlNode.AttributeName attribute : node.attributeNames()) {
            if (content != null && allowed(attribute, content)) {
                continue;
            }
            problems.report(FindingCode.SCHEMA_INVALID_ATTRIBUTE, node.location(), shown(attribute), shown(node));
        }
    }

    private static boolean allowed(XmlNode.AttributeName attribute, ContentModel content) {
        if (attribute.namespace().isEmpty()) {
            return content.attributes().contains(attribute.localName());
        }
        return content.foreignAttributeNamespaces().contains(attribute.namespace())
                || (content.anyForeignAttribute() && !EdxmlNames.NAMESPACE.equals(attribute.namespace()));
    }

    private static String key(XmlNode node) {
        return node.namespace() + " " + node.name();
    }

    private static String expected(ContentModel content) {
        return Stream.concat(
                        content.elements().stream().map(Particle::name),
                        content.wildcards().stream().map(wildcard -> EdxmlNames.XMLDSIG_NAMESPACE.equals(wildcard.namespace())
                                ? "ds:Signature" : "{" + wildcard.namespace() + "}*"))
                .collect(Collectors.joining(", "));
    }

    /** The element's name as a reader of the file knows it; another namespace is shown in braces. */
    private static String shown(XmlNode node) {
        return shownName(node.namespace(), node.name());
    }

    private static String shown(XmlNode.AttributeName attribute) {
        if (EdxmlNames.XLINK_NAMESPACE.equals(attribute.namespace())) {
            return Display.quoted("xlink:" + attribute.localName());
        }
        return attribute.namespace().isEmpty() ? Display.quoted(attribute.localName())
                : Display.quoted("{" + attribute.namespace() + "}" + attribute.localName());
    }

    private static String shownName(String namespace, String name) {
        if (EdxmlNames.NAMESPACE.equals(namespace)) {
            return Display.quoted(name);
        }
        if (EdxmlNames.XMLDSIG_NAMESPACE.equals(namespace)) {
            return Display.quoted("ds:" + name);
        }
        return Display.quoted(namespace.isEmpty() ? name : "{" + namespace + "}" + name);
    }
}
