package org.rollcall.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * ODS/API 7.2+ problem-details error bodies (edfi-api.md 1.7): {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code correlationId}, and {@code validationErrors} or {@code errors} where they apply.
 */
final class Problem {

    static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";
    static final String DATA_VALIDATION_FAILED = "urn:ed-fi:api:bad-request:data-validation-failed";

    private Problem() {
    }

    static SandboxResponse of(int status, String type, String title, String detail, String correlationId,
                              List<String> errors, Map<String, List<String>> validationErrors) {
        ObjectNode body = Json.object();
        body.put("detail", detail);
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("correlationId", correlationId);
        if (validationErrors != null) {
            ObjectNode v = body.putObject("validationErrors");
            validationErrors.forEach((path, messages) -> {
                ArrayNode list = v.putArray(path);
                messages.forEach(list::add);
            });
        }
        if (errors != null) {
            ArrayNode list = body.putArray("errors");
            errors.forEach(list::add);
        }
        SandboxResponse response = SandboxResponse.json(status, Json.bytes(body));
        response.headers().put("Content-Type", CONTENT_TYPE);
        return response;
    }

    static SandboxResponse validation(SandboxRequest request, Map<String, List<String>> validationErrors) {
        return of(400, DATA_VALIDATION_FAILED, "Data Validation Failed",
                "Data validation failed. See 'validationErrors' for details.", request.correlationId(), List.of(),
                validationErrors);
    }

    static SandboxResponse dataValidation(SandboxRequest request, String error) {
        return of(400, DATA_VALIDATION_FAILED, "Data Validation Failed",
                "Data validation failed. See 'errors' for details.", request.correlationId(), List.of(error), null);
    }

    static SandboxResponse badRequest(SandboxRequest request, String error) {
        return of(400, "urn:ed-fi:api:bad-request", "Bad Request",
                "The request construction was invalid. See 'errors' for details.", request.correlationId(),
                List.of(error), null);
    }

    static SandboxResponse parameterValidation(SandboxRequest request, String error) {
        return of(400, "urn:ed-fi:api:bad-request:parameter-validation-failed", "Parameter Validation Failed",
                "A parameter value was invalid. See 'errors' for details.", request.correlationId(), List.of(error),
                null);
    }

    static SandboxResponse keyChangeNotSupported(SandboxRequest request, String entityName) {
        return of(400, DATA_VALIDATION_FAILED + ":key-change-not-supported", "Key Change Not Supported",
                "Identifying values for the " + entityName + " data cannot be changed. Delete and recreate the item"
                        + " instead.", request.correlationId(), null, null);
    }

    static SandboxResponse authentication(SandboxRequest request, String error) {
        return of(401, "urn:ed-fi:api:security:authentication", "Authentication Failed",
                "The caller could not be authenticated.", request.correlationId(), List.of(error), null)
                .withHeader("WWW-Authenticate", "Bearer");
    }

    static SandboxResponse notFound(SandboxRequest request) {
        return of(404, "urn:ed-fi:api:not-found", "Not Found", "The specified resource could not be found.",
                request.correlationId(), null, null);
    }

    static SandboxResponse methodNotAllowed(SandboxRequest request, String error) {
        return of(405, "urn:ed-fi:api:method-not-allowed", "Method Not Allowed",
                "The request construction was invalid with respect to usage of the HTTP method.",
                request.correlationId(), List.of(error), null);
    }

    static SandboxResponse unsupportedMediaType(SandboxRequest request) {
        return of(415, "urn:ed-fi:api:unsupported-media-type", "Unsupported Media Type",
                "The request body must be sent as application/json.", request.correlationId(), null, null);
    }

    static SandboxResponse unresolvedReference(SandboxRequest request, String entityName) {
        return of(409, "urn:ed-fi:api:data-conflict:unresolved-reference", "Unresolved Reference",
                "The referenced '" + entityName + "' item does not exist.", request.correlationId(), null, null);
    }

    static SandboxResponse dependentItemExists(SandboxRequest request, String entityName) {
        return of(409, "urn:ed-fi:api:data-conflict:dependent-item-exists", "Dependent Item Exists",
                "The requested action cannot be performed because this item is referenced by an existing '"
                        + entityName + "' item.", request.correlationId(), null, null);
    }

    static SandboxResponse nonUniqueIdentity(SandboxRequest request, String entityName) {
        return of(409, "urn:ed-fi:api:data-conflict:non-unique-identity", "Non-Unique Identity",
                "The identifying values of this " + entityName + " are already used by another item.",
                request.correlationId(), null, null);
    }

    static SandboxResponse optimisticLockFailed(SandboxRequest request) {
        return of(412, "urn:ed-fi:api:optimistic-lock-failed", "Optimistic Lock Failed",
                "The item has been modified by another user.", request.correlationId(), null, null);
    }

    static SandboxResponse tooLarge(SandboxRequest request, int limit) {
        return of(413, "urn:ed-fi:api:bad-request:payload-too-large", "Payload Too Large",
                "The sandbox accepts request bodies up to " + limit + " bytes.", request.correlationId(), null, null);
    }

    static SandboxResponse systemFailure(SandboxRequest request) {
        return of(500, "urn:ed-fi:api:system", "System Failure",
                "An unexpected error occurred on the server.", request.correlationId(), null, null);
    }
}
