package org.scratchpadlens.account;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.scratchpadlens.web.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone's own account: changing their password. */
@Controller
class AccountPageController {

	private final PeopleService people;

	AccountPageController(PeopleService people) {
		this.people = people;
	}

	@GetMapping("/account/password")
	String passwordForm(Model model) {
		model.addAttribute("minPassword", AccountRules.MIN_PASSWORD);
		return "account/password";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, @RequestParam(defaultValue = "") String repeatPassword,
			Principal me, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		try {
			if (!newPassword.equals(repeatPassword)) {
				throw new BadRequestException("The new password and its repetition differ; type the same twice.");
			}
			HttpSession session = request.getSession(false);
			people.changeOwnPassword(me.getName(), currentPassword, newPassword,
					session == null ? null : session.getId(), request.getRemoteAddr());
		}
		catch (BadRequestException | PeopleService.TooManyAttemptsException e) {
			response.setStatus(e instanceof BadRequestException ? HttpStatus.BAD_REQUEST.value()
					: HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("error", e.getMessage());
			return passwordForm(model);
		}
		redirect.addFlashAttribute("message",
				"Your password is changed. Your sessions in other browsers ended; this one goes on.");
		return "redirect:/account/password";
	}

}
