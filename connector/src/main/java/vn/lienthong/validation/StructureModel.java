package vn.lienthong.validation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The structure of an edXML envelope as the XSDs of {@code schemas/edxml} declare it: for every element, which
 * children it may have and how often, which attributes, and the type of its text. Read from the XSD files
 * themselves, so the schema stays the one description of the structure; {@link StructureCheck} applies it without
 * regard to order, because real senders do not keep the standard's order.
 *
 * <p>Only the small subset of XSD those files use is understood (named complex and simple types, one
 * {@code xs:sequence} or {@code xs:all} of elements and wildcards per type, attributes, {@code xs:include});
 * anything else makes loading fail, so the check can never silently drift from the schema.
 */
final class StructureModel {

    static final String XSD_NAMESPACE = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final String SCHEMA_DIRECTORY = "/lienthong/schemas/edxml/";
    static final int UNBOUNDED = Integer.MAX_VALUE;

    /** What the text of a simple element must be. */
    enum ValueType { TEXT, INTEGER, BOOLEAN, BASE64 }

    /** An element declaration: its name, how often it may occur, and either its complex type or its value type. */
    record Particle(String name, int min, int max, String complexType, ValueType valueType) {

        boolean isComplex() {
            return complexType != null;
        }
    }

    /** Elements of another namespace allowed in a place (the XML-DSig Signature in edXMLHeader). */
    record Wildcard(String namespace, int min, int max) {
    }

    /** What an element of a complex type may contain. */
    record ContentModel(List<Particle> elements, List<Wildcard> wildcards, Set<String> attributes,
                        Set<String> foreignAttributeNamespaces, boolean anyForeignAttribute) {

        Optional<Particle> element(String name) {
            return elements.stream().filter(particle -> particle.name().equals(name)).findFirst();
        }

        Optional<Wildcard> wildcard(String namespace) {
            return wildcards.stream().filter(wildcard -> wildcard.namespace().equals(namespace)).findFirst();
        }
    }

    private final Particle root;
    private final Map<String, ContentModel> types;

    private StructureModel(Particle root, Map<String, ContentModel> types) {
        this.root = root;
        this.types = Map.copyOf(types);
    }

    /** The root element {@code edXML} as {@code fileName} (edoc.xsd or status.xsd) declares it. */
    Particle root() {
        return root;
    }

    ContentModel contentOf(Particle particle) {
        return types.get(particle.complexType());
    }

    static StructureModel load(String fileName) {
        Map<String, Element> complexTypes = new HashMap<>();
        Map<String, Element> simpleTypes = new HashMap<>();
        List<Element> globalElements = new ArrayList<>();
        collect(fileName, complexTypes, simpleTypes, globalElements, new LinkedHashSet<>());
        Element rootDeclaration = globalElements.stream()
                .filter(element -> "edXML".equals(element.getAttribute("name")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(fileName + " declares no global edXML element"));
        Map<String, ContentModel> types = new HashMap<>();
        complexTypes.forEach((name, declaration) -> types.put(name, contentModel(name, declaration, simpleTypes, complexTypes)));
        return new StructureModel(particle(rootDeclaration, simpleTypes, complexTypes), types);
    }

    private static void collect(String fileName, Map<String, Element> complexTypes, Map<String, Element> simpleTypes,
                                List<Element> globalElements, Set<String> loaded) {
        if (!loaded.add(fileName)) {
            return;
        }
        Element schema = parse(fileName).getDocumentElement();
        for (Element child : children(schema)) {
            switch (child.getLocalName()) {
                case "include" -> collect(child.getAttribute("schemaLocation"), complexTypes, simpleTypes, globalElements, loaded);
                case "complexType" -> complexTypes.put(child.getAttribute("name"), child);
                case "simpleType" -> simpleTypes.put(child.getAttribute("name"), child);
                case "element" -> globalElements.add(child);
                case "annotation" -> {
                    // Documentation only.
                }
                default -> throw unsupported(fileName, child);
            }
        }
    }

    private static ContentModel contentModel(String typeName, Element declaration, Map<String, Element> simpleTypes,
                                             Map<String, Element> complexTypes) {
        List<Particle> elements = new ArrayList<>();
        List<Wildcard> wildcards = new ArrayList<>();
        Set<String> attributes = new LinkedHashSet<>();
        Set<String> foreignNamespaces = new LinkedHashSet<>();
        boolean anyForeign = false;
        for (Element child : children(declaration)) {
            switch (child.getLocalName()) {
                case "sequence", "all" -> {
                    for (Element particle : children(child)) {
                        switch (particle.getLocalName()) {
                            case "element" -> elements.add(particle(particle, simpleTypes, complexTypes));
                            case "any" -> wildcards.add(new Wildcard(particle.getAttribute("namespace"),
                                    occurs(particle.getAttribute("minOccurs")), occurs(particle.getAttribute("maxOccurs"))));
                            case "annotation" -> {
                                // Documentation only.
                            }
                            default -> throw unsupported(typeName, particle);
                        }
                    }
                }
                case "attribute" -> attributes.add(child.getAttribute("name"));
                case "anyAttribute" -> {
                    String namespace = child.getAttribute("namespace");
                    if ("##other".equals(namespace) || "##any".equals(namespace)) {
                        anyForeign = true;
                    } else {
                        foreignNamespaces.addAll(List.of(namespace.trim().split("\\s+")));
                    }
                }
                case "annotation" -> {
                    // Documentation only.
                }
                default -> throw unsupported(typeName, child);
            }
        }
        return new ContentModel(List.copyOf(elements), List.copyOf(wildcards), Set.copyOf(attributes),
                Set.copyOf(foreignNamespaces), anyForeign);
    }

    private static Particle particle(Element declaration, Map<String, Element> simpleTypes, Map<String, Element> complexTypes) {
        String name = declaration.getAttribute("name");
        int min = declaration.hasAttribute("minOccurs") ? occurs(declaration.getAttribute("minOccurs")) : 1;
        int max = declaration.hasAttribute("maxOccurs") ? occurs(declaration.getAttribute("maxOccurs")) : 1;
        String type = localPart(declaration.getAttribute("type"));
        if (complexTypes.containsKey(type)) {
            return new Particle(name, min, max, type, null);
        }
        return new Particle(name, min, max, null, valueType(name, type, simpleTypes));
    }

    private static ValueType valueType(String elementName, String type, Map<String, Element> simpleTypes) {
        Element simpleType = simpleTypes.get(type);
        String builtIn = type;
        if (simpleType != null) {
            Element restriction = children(simpleType).stream()
                    .filter(child -> "restriction".equals(child.getLocalName()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("simple type " + type + " is not a restriction"));
            builtIn = localPart(restriction.getAttribute("base"));
        }
        return switch (builtIn) {
            case "string" -> ValueType.TEXT;
            case "integer" -> ValueType.INTEGER;
            case "boolean" -> ValueType.BOOLEAN;
            case "base64Binary" -> ValueType.BASE64;
            default -> throw new IllegalStateException("element " + elementName + " has a type the structure check does not know: " + type);
        };
    }

    private static int occurs(String value) {
        if (value == null || value.isEmpty()) {
            return 1;
        }
        return "unbounded".equals(value) ? UNBOUNDED : Integer.parseInt(value);
    }

    private static String localPart(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.indexOf(':') + 1);
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && XSD_NAMESPACE.equals(element.getNamespaceURI())) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static IllegalStateException unsupported(String where, Element construct) {
        return new IllegalStateException("the structure check does not understand xs:" + construct.getLocalName()
                + " in " + where + "; keep schemas/edxml to the subset StructureModel reads");
    }

    private static Document parse(String fileName) {
        URL url = StructureModel.class.getResource(SCHEMA_DIRECTORY + fileName);
        if (url == null) {
            throw new IllegalStateException("schema " + fileName + " is missing from the classpath (lienthong-schemas)");
        }
        try (InputStream in = url.openStream()) {
            return builder().parse(in);
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("schema " + fileName + " does not load: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM parser does not take the secure settings", e);
        }
    }
}
