package no.bosetting.shared.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /v3/api-docs: what the API is, one tag per module, bearer token or HTTP Basic, and the
 * RFC 9457 problem-details answers every operation can give, so clients can rely on them.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    public static final String TAG_PERMITS = "Permits";
    public static final String TAG_CASES = "Cases";
    public static final String TAG_INTERVIEW = "Interview";
    public static final String TAG_PROPOSALS = "Proposals";
    public static final String TAG_DECISIONS = "Decisions";
    public static final String TAG_PLANNING = "Capacity";
    public static final String TAG_GRANTS = "Grants";
    public static final String TAG_INTRODUCTION = "Introduction";

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Map<String, String> PROBLEM_RESPONSES = Map.of(
            "400", "The request could not be read (malformed JSON).",
            "401", "No or wrong credentials.",
            "403", "The caller's role may not do this.",
            "404", "Not found, or outside the caller's scope (another municipality, another reception centre, identities before acceptance).",
            "409", "The case, proposal or decision is not in a state where this applies; `currentState` says which it is in.",
            "422", "The input broke a rule; `errors` lists each field at fault with a code and a message.");

    @Bean
    OpenAPI bosettingOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Bosetting API")
                        .version("v1")
                        .description("""
                                JSON API for settling refugees in Norwegian municipalities: residence-permit import, \
                                settlement cases, the settlement interview, distribution lists and the municipalities' \
                                answers, decisions on settlement municipality, settlement dates, the municipalities' \
                                capacity decisions, the integration grants and the introduction register.

                                Every call carries its own credentials (a bearer token in production, HTTP Basic in the demo; the \
                                browser's session cookie is not accepted) and is authorised on the server from the user's role and scope: a \
                                municipality sees only its own proposals, and only the anonymised profile until it has \
                                accepted; reception-centre staff see only their own residents. Reads of identifying data \
                                are logged. Errors are RFC 9457 problem details (`type`, `title`, `status`, `detail`, \
                                and for rule violations `errors: [{field, code, message}]`). Messages are in Norwegian \
                                bokmål; send `Accept-Language: en` for English.""")
                        .license(new License().name("Municipality data: © Kartverket (CC BY 4.0) and SSB (NLOD)")))
                .tags(List.of(
                        new Tag().name(TAG_PERMITS).description("Residence permits from UDI: one at a time or as a CSV batch."),
                        new Tag().name(TAG_CASES).description("Settlement cases: search, details with identities, closing, move-out."),
                        new Tag().name(TAG_INTERVIEW).description("The settlement interview recorded by the reception centre."),
                        new Tag().name(TAG_PROPOSALS).description("Distribution lists, proposals and the municipalities' answers."),
                        new Tag().name(TAG_DECISIONS).description("Decisions on settlement municipality, settlement dates and places used."),
                        new Tag().name(TAG_PLANNING).description("The municipalities' council decisions on how many to settle."),
                        new Tag().name(TAG_GRANTS).description("Integration grants: a municipality's grants per year, a person's or "
                                + "household's schedule, the payment runs and their locked lines."),
                        new Tag().name(TAG_INTRODUCTION).description("The introduction register: a settled person's record and the "
                                + "programme's public results per municipality.")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("The demo profile and tests (never in production)."))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("Production: an access token from the OIDC issuer.")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** Adds the problem-details answers to every API operation that does not already describe them. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            // Added here rather than on the bean: springdoc rebuilds the schemas from the controllers' types.
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                jsonInsteadOfAnything(operation);
                for (Map.Entry<String, String> r : PROBLEM_RESPONSES.entrySet()) {
                    if (r.getKey().equals("409") && method == PathItem.HttpMethod.GET) {
                        continue;
                    }
                    addProblem(operation, r.getKey(), r.getValue());
                }
            }));
        };
    }

    /** The controllers answer JSON; springdoc cannot tell that from a mapping without {@code produces} and says any type. */
    private static void jsonInsteadOfAnything(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().values().forEach(response -> {
            Content content = response.getContent();
            if (content != null && content.containsKey("*/*")) {
                MediaType any = content.remove("*/*");
                content.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
            }
        });
    }

    private static void addProblem(Operation operation, String status, String description) {
        if (operation.getResponses() == null || operation.getResponses().containsKey(status)) {
            return;
        }
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> error = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The request field at fault, e.g. `persons[0].nationalId`."))
                .addProperty("code", new StringSchema().description("A stable code, e.g. `error.nin.checksum`."))
                .addProperty("message", new StringSchema().description("The problem in the caller's language."));
        return new ObjectSchema()
                .description("RFC 9457 problem details.")
                .addProperty("type", new StringSchema().format("uri").example("https://bosetting.no/problems/rule-broken"))
                .addProperty("title", new StringSchema().example("rule-broken"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty("detail", new StringSchema().description("What went wrong, in the caller's language."))
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("code", new StringSchema().description("The message code of the failure."))
                .addProperty("currentState", new StringSchema().description("For 409: the state the target is in."))
                .addProperty("errors", new ArraySchema().items(error))
                .required(List.of("type", "title", "status", "detail"));
    }
}
