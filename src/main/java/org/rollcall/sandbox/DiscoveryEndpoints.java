package org.rollcall.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The metadata an Ed-Fi client reads before it writes, shaped as ODS/API 7.x serves it so clients such as
 * lightbeam run unchanged: the discovery document ({@code GET /}), the OpenAPI list ({@code GET /metadata/},
 * items {@code name}, {@code endpointUri}, {@code prefix}), the two swagger documents, and the load order
 * ({@code GET /metadata/data/v3/dependencies}, items {@code resource}, {@code order}, {@code operations}).
 * All URLs are absolute, built on the request's Host.
 */
final class DiscoveryEndpoints {

    static final String DEPENDENCIES = "/metadata/data/v3/dependencies";
    static final String RESOURCES_SWAGGER = "/metadata/data/v3/resources/swagger.json";
    static final String DESCRIPTORS_SWAGGER = "/metadata/data/v3/descriptors/swagger.json";

    private final ApiModel model;
    private final SwaggerDocuments swagger = new SwaggerDocuments();

    DiscoveryEndpoints(ApiModel model) {
        this.model = model;
    }

    SandboxResponse handle(SandboxRequest request) {
        if (!request.method().equals("GET")) {
            return Problem.methodNotAllowed(request, "Metadata is read with GET.");
        }
        String base = request.baseUrl();
        return switch (request.path()) {
            case "/" -> SandboxResponse.json(200, root(base));
            case "/metadata", "/metadata/" -> SandboxResponse.json(200, openApiList(base));
            case DEPENDENCIES -> SandboxResponse.json(200, dependencies());
            case RESOURCES_SWAGGER -> SandboxResponse.json(200, swagger.render(SwaggerDocuments.Kind.RESOURCES, base));
            case DESCRIPTORS_SWAGGER ->
                    SandboxResponse.json(200, swagger.render(SwaggerDocuments.Kind.DESCRIPTORS, base));
            default -> Problem.notFound(request);
        };
    }

    private static ObjectNode root(String base) {
        ObjectNode root = Json.object();
        root.put("version", "7.1");
        root.put("applicationName", "Rollcall Ed-Fi Sandbox");
        root.put("informationalVersion", "Ed-Fi ODS/API 7.1-compatible sandbox");
        root.put("suite", "3");
        root.put("build", "rollcall-sandbox");
        root.put("apiMode", "Sandbox");
        root.putArray("dataModels").addObject().put("name", "Ed-Fi").put("version", "5.0.0")
                .put("informationalVersion", "The Ed-Fi Data Model 5.0");
        ObjectNode urls = root.putObject("urls");
        urls.put("dependencies", base + DEPENDENCIES.substring(1));
        urls.put("openApiMetadata", base + "metadata/");
        urls.put("oauth", base + "oauth/token");
        urls.put("dataManagementApi", base + "data/v3/");
        urls.put("xsdMetadata", base + "metadata/xsd");
        urls.put("changeQueries", base + "changeQueries/v1/");
        urls.put("composites", base + "composites/v1/");
        urls.put("identity", base + "identity/v2/");
        return root;
    }

    private static ArrayNode openApiList(String base) {
        ArrayNode list = Json.array();
        list.addObject().put("name", "Resources").put("endpointUri", base + RESOURCES_SWAGGER.substring(1))
                .put("prefix", "");
        list.addObject().put("name", "Descriptors").put("endpointUri", base + DESCRIPTORS_SWAGGER.substring(1))
                .put("prefix", "");
        return list;
    }

    private ArrayNode dependencies() {
        ArrayNode list = Json.array();
        for (ApiModel.Dependency d : model.dependencies()) {
            ObjectNode item = list.addObject();
            item.put("resource", d.resource());
            item.put("order", d.order());
            item.putArray("operations").add("Create").add("Update");
        }
        return list;
    }
}
