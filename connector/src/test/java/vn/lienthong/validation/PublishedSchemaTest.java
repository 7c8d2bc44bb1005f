package vn.lienthong.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;
import vn.lienthong.fixtures.Fixtures;

/**
 * The XSDs of schemas/edxml are published for DMS vendors, who check their envelopes with ordinary XSD 1.0 tools;
 * the connector reads its structure from the same files. They must stay valid XSD 1.0 and accept every sample.
 */
class PublishedSchemaTest {

    static Stream<Arguments> samples() {
        return Fixtures.sampleFiles().stream().map(file -> Arguments.of(file.getFileName().toString(), file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void every_sample_passes_the_published_xsd_of_its_type(String name, Path file) throws Exception {
        String xml = Files.readString(file);
        Schema schema = load(xml.contains("<StatusCode>") ? "status.xsd" : "edoc.xsd");
        try (InputStream in = Files.newInputStream(file)) {
            assertThatCode(() -> schema.newValidator().validate(new StreamSource(in))).as(name).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void every_published_xsd_is_read_by_the_structure_check(String name) {
        assertThatCode(() -> StructureModel.load(name)).doesNotThrowAnyException();
        assertThat(StructureModel.load(name).root().name()).isEqualTo("edXML");
    }

    static List<String> schemaFiles() {
        return List.of("edoc.xsd", "status.xsd");
    }

    private static Schema load(String name) throws SAXException, IOException {
        URL url = PublishedSchemaTest.class.getResource("/lienthong/schemas/edxml/" + name);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
        return factory.newSchema(url);
    }
}
