package org.scratchpadlens.account;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins manage the people who may log in. Accounts are never deleted: a person who
 * leaves is deactivated (they cannot log in, their open sessions end, their labels stay).
 */
@RestController
@RequestMapping("/api/users")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "People",
		description = "Admins only: add people, change roles, deactivate and reactivate, reset "
				+ "passwords. Roles: ADMIN (everything), RESEARCHER (browse, campaigns, exports; no people), ANNOTATOR "
				+ "(the labelling pages of their campaigns).")
class PeopleApiController {

	private final PeopleService people;

	PeopleApiController(PeopleService people) {
		this.people = people;
	}

	@Schema(example = "{\"username\": \"ada\", \"password\": \"a long passphrase\", \"role\": \"ANNOTATOR\"}",
			description = "username: 1 to 100 of letters, digits, '.', '_', '-'; password: at least 10 characters; "
					+ "role: ADMIN, RESEARCHER or ANNOTATOR")
	record NewPerson(String username, String password, String role) {
	}

	@Schema(example = "{\"role\": \"RESEARCHER\"}", description = "role: ADMIN, RESEARCHER or ANNOTATOR")
	record RoleChange(String role) {
	}

	@Schema(example = "{\"password\": \"a new long passphrase\"}", description = "password: at least 10 characters")
	record PasswordReset(String password) {
	}

	@GetMapping
	@Operation(summary = "Everyone who may log in, active or not, by username")
	List<Person> list() {
		return people.list();
	}

	@PostMapping
	@Operation(summary = "Add a person with a role and an initial password")
	@ApiResponse(responseCode = "201", description = "Added; the body is the person.")
	@ApiResponse(responseCode = "409", description = "The username is taken.")
	ResponseEntity<Person> add(@RequestBody NewPerson body) {
		Person person = people.add(body.username(), body.password(), body.role());
		return ResponseEntity.created(URI.create("/api/users/" + person.username())).body(person);
	}

	@PutMapping("/{username}/role")
	@Operation(summary = "Change a person's role; their open sessions end, so it applies at once")
	@ApiResponse(responseCode = "409", description = "They are the last active admin.")
	Person changeRole(@PathVariable String username, @RequestBody RoleChange body) {
		return people.changeRole(username, body.role());
	}

	@PostMapping("/{username}/deactivate")
	@Operation(summary = "Deactivate: they cannot log in, their open sessions end, their labels stay")
	@ApiResponse(responseCode = "409", description = "They are the last active admin.")
	Person deactivate(@PathVariable String username) {
		return people.deactivate(username);
	}

	@PostMapping("/{username}/reactivate")
	@Operation(summary = "Reactivate a deactivated person: they can log in again")
	Person reactivate(@PathVariable String username) {
		return people.reactivate(username);
	}

	@PutMapping("/{username}/password")
	@Operation(summary = "Set a person's password (they forgot theirs); their open sessions end")
	@ApiResponse(responseCode = "204", description = "The password was set; there is no body.")
	ResponseEntity<Void> resetPassword(@PathVariable String username, @RequestBody PasswordReset body) {
		people.resetPassword(username, body.password());
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

}
