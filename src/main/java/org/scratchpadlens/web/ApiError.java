package org.scratchpadlens.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The one error shape of the JSON API: {@code {"error": "what went wrong"}}, a sentence
 * for a person, never a stack trace or SQL.
 */
@Schema(name = "Error", description = "What went wrong, in a sentence for a person.",
		example = "{\"error\": \"There is no run 99.\"}")
record ApiError(@Schema(description = "What went wrong and, where it helps, what to send instead.",
		example = "There is no run 99.", requiredMode = Schema.RequiredMode.REQUIRED) String error) {

}
