package org.scratchpadlens.account;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What everyone may do with their own account. */
@RestController
@Tag(name = "People")
class AccountApiController {

	private final PeopleService people;

	AccountApiController(PeopleService people) {
		this.people = people;
	}

	@Schema(example = "{\"currentPassword\": \"the one I have\", \"newPassword\": \"a new long passphrase\"}",
			description = "newPassword: at least 10 characters")
	record PasswordChange(String currentPassword, String newPassword) {
	}

	@PutMapping("/api/account/password")
	@Operation(summary = "Change your own password (any role); your other open sessions end")
	@ApiResponse(responseCode = "204", description = "Changed; there is no body.")
	@ApiResponse(responseCode = "400", description = "The current password is not right, or the new one too short.")
	@ApiResponse(responseCode = "429", description = "Too many wrong passwords: wait the seconds said.")
	ResponseEntity<Void> changePassword(@RequestBody PasswordChange body, Principal me, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		people.changeOwnPassword(me.getName(), body.currentPassword(), body.newPassword(),
				session == null ? null : session.getId(), request.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

}
