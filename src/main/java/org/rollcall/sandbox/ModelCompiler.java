package org.rollcall.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Derives the sandbox's compact model file ({@value #MODEL_FILE}) from the shipped Ed-Fi sources: the DS 5.0
 * Resources and Descriptors OpenAPI YAML and the DS 5.2 default descriptor XML. Parsing 4 MB of YAML takes
 * about 3 s on a cold JVM; the compact file (no descriptions, responses or examples) loads in a fraction of
 * that, which keeps sandbox start-up well under a second.
 *
 * <p>Regenerate after changing anything under {@code src/main/resources/edfi/} with
 * {@code mvn -B -q -o test -Dtest=SandboxModelFileTest -Dsandbox.model.regenerate=true};
 * the same test fails whenever the committed file is stale.
 */
final class ModelCompiler {

    static final String MODEL_FILE = "model/ds-5.0-sandbox-model.json";
    static final String RESOURCES_SPEC = "openapi/resources-ds-5.0.yaml";
    static final String DESCRIPTORS_SPEC = "openapi/descriptor-api-5.0.yaml";
    static final String DESCRIPTOR_XML_DIR = "descriptors/ds-5.2.0";

    /** Schema keywords the sandbox uses; everything else (descriptions, deprecation notes) is dropped. */
    private static final Set<String> SCHEMA_KEYWORDS = Set.of("type", "format", "maxLength", "minLength", "minimum",
            "maximum", "required", "properties", "items", "$ref", "x-nullable", "x-Ed-Fi-isIdentity");

    private ModelCompiler() {
    }

    /** Regenerates the model file under the given {@code edfi} resources folder. */
    public static void main(String[] args) throws IOException {
        Path edfiDir = Path.of(args.length > 0 ? args[0] : "src/main/resources/edfi");
        Files.writeString(edfiDir.resolve(MODEL_FILE), compile(edfiDir));
    }

    /** The compact model, as the exact text the model file should hold. */
    static String compile(Path edfiDir) throws IOException {
        ObjectNode model = Json.object();
        model.put("about", "Derived from the Ed-Fi files listed in 'sources' by org.rollcall.sandbox.ModelCompiler; "
                + "do not edit. See edfi/NOTICE.md.");
        ArrayNode sources = model.putArray("sources");
        model.set("resources", compileSpec(readYaml(edfiDir.resolve(RESOURCES_SPEC))));
        sources.addObject().put("file", RESOURCES_SPEC).put("sha256", sha256(edfiDir.resolve(RESOURCES_SPEC)));
        model.set("descriptors", compileSpec(readYaml(edfiDir.resolve(DESCRIPTORS_SPEC))));
        sources.addObject().put("file", DESCRIPTORS_SPEC).put("sha256", sha256(edfiDir.resolve(DESCRIPTORS_SPEC)));
        ObjectNode values = model.putObject("descriptorValues");
        List<Path> xmls;
        try (Stream<Path> files = Files.list(edfiDir.resolve(DESCRIPTOR_XML_DIR))) {
            xmls = files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
        for (Path xml : xmls) {
            readDescriptorXml(xml, values);
            sources.addObject().put("file", DESCRIPTOR_XML_DIR + "/" + xml.getFileName()).put("sha256", sha256(xml));
        }
        ObjectMapper pretty = Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);
        return pretty.writeValueAsString(model) + "\n";
    }

    /** Reads one of the shipped OpenAPI YAML documents as a JSON tree. */
    static JsonNode readYaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readYaml(in);
        }
    }

    static JsonNode readYaml(InputStream in) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024); // the DS 6 spec is 3.7 MB, over SnakeYAML's 3 MB default
        return new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build()).readTree(in);
    }

    /** Collection paths with their body schema and GET query parameters, plus the stripped component schemas. */
    private static ObjectNode compileSpec(JsonNode spec) {
        ObjectNode out = Json.object();
        ObjectNode paths = out.putObject("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().endsWith("}")) {
                continue;
            }
            JsonNode ops = e.getValue();
            String schemaRef = ops.path("post").path("requestBody").path("content").path("application/json")
                    .path("schema").path("$ref").asText();
            ObjectNode path = paths.putObject(e.getKey());
            path.put("schema", schemaRef.substring(schemaRef.lastIndexOf('/') + 1));
            String putDescription = spec.path("paths").path(e.getKey() + "/{id}").path("put").path("description")
                    .asText();
            path.put("cascadingKeyUpdates", !putDescription.contains("not configured for cascading"));
            ArrayNode params = path.putArray("parameters");
            for (JsonNode p : ops.path("get").path("parameters")) {
                if (p.has("name")) {
                    ObjectNode param = params.addObject().put("name", p.get("name").asText());
                    if (p.path("x-Ed-Fi-isIdentity").asBoolean(false)) {
                        param.put("identity", true);
                    }
                }
            }
        }
        ObjectNode schemas = out.putObject("schemas");
        spec.path("components").path("schemas").fields()
                .forEachRemaining(e -> schemas.set(e.getKey(), strip(e.getValue())));
        return out;
    }

    private static JsonNode strip(JsonNode schema) {
        ObjectNode out = Json.object();
        schema.fields().forEachRemaining(e -> {
            if (!SCHEMA_KEYWORDS.contains(e.getKey())) {
                return;
            }
            if (e.getKey().equals("properties")) {
                ObjectNode props = out.putObject("properties");
                e.getValue().fields().forEachRemaining(p -> props.set(p.getKey(), strip(p.getValue())));
            } else if (e.getKey().equals("items")) {
                out.set("items", strip(e.getValue()));
            } else {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    /** Appends each {@code <XxxDescriptor>} of an interchange file to {@code values[Xxx Descriptor]}. */
    private static void readDescriptorXml(Path xml, ObjectNode values) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = Files.newInputStream(xml)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            int depth = 0;
            ObjectNode current = null;
            String field = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2) {
                        String type = r.getLocalName();
                        ArrayNode list = values.has(type) ? (ArrayNode) values.get(type) : values.putArray(type);
                        current = list.addObject();
                    } else if (depth == 3) {
                        field = r.getLocalName();
                        text.setLength(0);
                    }
                } else if (event == XMLStreamConstants.CHARACTERS && depth == 3) {
                    text.append(r.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (depth == 3 && current != null && field != null) {
                        current.put(Character.toLowerCase(field.charAt(0)) + field.substring(1), text.toString().trim());
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("cannot read descriptor file " + xml.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
