package org.scratchpadlens.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Swagger UI at /api/docs says about the API: its name, what it is for, how to log
 * in, and readable group names instead of springdoc's defaults ("OpenAPI definition",
 * "run-api-controller").
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	static final String BASIC_AUTH = "basicAuth";

	static final String RUNS = "Runs";

	static final String IMPORTS = "Imports";

	static final String ERROR = "Error";

	static final String ERROR_DESCRIPTION = """
			Something went wrong: the status says what kind of failure (400 a value or body the call \
			cannot use, 401 no valid login, 403 the account may not do this or a browser session sent no \
			CSRF token, 404 no such id or endpoint, 405 a method the endpoint does not allow, 415 a body \
			that is not JSON, 500 the server failed), and the body says what went wrong in a sentence: \
			`{"error": "There is no run 99."}`.""";

	/**
	 * springdoc names a group after its controller when the controller has no tag of its
	 * own; these are shown under readable names instead. A controller that declares its
	 * own tag is left alone.
	 */
	private static final Map<String, String> DEFAULT_TAG_NAMES = Map.of("run-api-controller", RUNS,
			"import-api-controller", IMPORTS);

	@Bean
	OpenAPI scratchpadLensOpenApi(@Value("${spring.application.version:development}") String version) {
		return new OpenAPI().info(new Info().title("Scratchpad Lens API").version(version).description("""
				Scratchpad Lens imports the transcript release of "Alignment faking in large language \
				models" (Greenblatt et al., 2024) and lets a team browse, label and analyse it. This API \
				lists the runs and what the store holds; filters, searches and pages through the \
				transcripts and returns one with its sections and metrics; gives the dashboard's rates \
				and compliance gaps; lists synthetic documents and system prompts (with diffs); and \
				starts, follows and undoes imports.

				Every call needs a login. People in a browser use the login page (with a CSRF token on \
				every form). Scripts use HTTP Basic: a request to `/api/**` that carries an \
				`Authorization` header is stateless (no session cookie is created) and needs no CSRF \
				token, for example `curl -u admin:PASSWORD http://localhost:8080/api/runs`."""))
			.components(new Components().addSecuritySchemes(BASIC_AUTH,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("basic")
						.description("The user name and password of a Scratchpad Lens account.")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH))
			.tags(List.of(
					new Tag().name(RUNS).description("Runs, train/deploy pairs, settings and totals of the store"),
					new Tag().name(IMPORTS).description("Import jobs, the outcome of every file, and undo")));
	}

	/**
	 * Every call can fail, and every failure has the same body: declare it once as the
	 * "Error" schema and as every call's default response.
	 */
	@Bean
	OpenApiCustomizer errorShape() {
		return openApi -> {
			Schema<?> error = ModelConverters.getInstance(true).read(ApiError.class).get(ERROR);
			if (error == null || openApi.getPaths() == null) {
				return;
			}
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents().addSchemas(ERROR, error);
			ApiResponse failure = new ApiResponse().description(ERROR_DESCRIPTION)
				.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR))));
			openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
				if (operation.getResponses() == null) {
					operation.setResponses(new ApiResponses());
				}
				operation.getResponses().addApiResponse("default", failure);
			}));
		};
	}

	@Bean
	OpenApiCustomizer readableTagNames() {
		return openApi -> {
			if (openApi.getPaths() != null) {
				openApi.getPaths()
					.values()
					.forEach(path -> path.readOperations()
						.forEach(operation -> operation.setTags(operation.getTags() == null ? null
								: operation.getTags()
									.stream()
									.map(t -> DEFAULT_TAG_NAMES.getOrDefault(t, t))
									.toList())));
			}
			if (openApi.getTags() != null) {
				openApi.setTags(
						openApi.getTags().stream().filter(t -> !DEFAULT_TAG_NAMES.containsKey(t.getName())).toList());
			}
		};
	}

}
