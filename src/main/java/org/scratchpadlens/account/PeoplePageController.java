package org.scratchpadlens.account;

import java.util.EnumMap;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.scratchpadlens.web.BadRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The admins' pages about people: the list with a form to add someone, and a page per
 * person to change their role, reset their password, deactivate or reactivate them.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PeoplePageController {

	private final PeopleService people;

	PeoplePageController(PeopleService people) {
		this.people = people;
	}

	/** What each role may do, beside the role's name in the forms. */
	static final Map<Role, String> ROLE_HINTS = roleHints();

	private static Map<Role, String> roleHints() {
		Map<Role, String> hints = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			hints.put(role, switch (role.name()) {
				case "ADMIN" -> "everything, including managing people";
				case "RESEARCHER" -> "browses, sets up campaigns, exports, adjudicates; does not manage people";
				case "ANNOTATOR" -> "labels in the campaigns they are in; no general browsing";
				default -> "";
			});
		}
		return hints;
	}

	/** The list and the add form, with what was typed into it when adding failed. */
	record NewPersonForm(String username, String role) {
	}

	@GetMapping("/users")
	String list(Model model) {
		return listPage(model, new NewPersonForm("", Role.ANNOTATOR.name()), null);
	}

	@PostMapping("/users")
	String add(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String role, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			Person added = people.add(username, password, role);
			redirect.addFlashAttribute("message",
					"Added " + added.username() + " as " + added.role().name().toLowerCase() + ". Give them their "
							+ "username and initial password; they change it from their name at the top of any page.");
			return "redirect:/users";
		}
		catch (BadRequestException | ConflictException e) {
			response.setStatus(
					e instanceof ConflictException ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
			return listPage(model, new NewPersonForm(username, role), e.getMessage());
		}
	}

	private String listPage(Model model, NewPersonForm form, String error) {
		List<Person> list = people.list();
		model.addAttribute("people", list);
		model.addAttribute("activeCount", list.stream().filter(Person::active).count());
		model.addAttribute("roles", Role.values());
		model.addAttribute("roleHints", ROLE_HINTS);
		model.addAttribute("form", form);
		model.addAttribute("addError", error);
		model.addAttribute("minPassword", AccountRules.MIN_PASSWORD);
		return "account/people";
	}

	@GetMapping("/users/{username}")
	String person(@PathVariable String username, Model model) {
		model.addAttribute("person", people.get(username));
		model.addAttribute("roles", Role.values());
		model.addAttribute("roleHints", ROLE_HINTS);
		model.addAttribute("minPassword", AccountRules.MIN_PASSWORD);
		return "account/person";
	}

	@PostMapping("/users/{username}/role")
	String changeRole(@PathVariable String username, @RequestParam(defaultValue = "") String role,
			RedirectAttributes redirect, Principal me, HttpServletRequest request) {
		return change(username, redirect, me, request, () -> {
			Person changed = people.changeRole(username, role);
			return "The role of " + username + " is now " + changed.role().name().toLowerCase()
					+ "; their open sessions ended, so it applies from their next page on.";
		});
	}

	@PostMapping("/users/{username}/deactivate")
	String deactivate(@PathVariable String username, RedirectAttributes redirect, Principal me,
			HttpServletRequest request) {
		return change(username, redirect, me, request, () -> {
			people.deactivate(username);
			return username + " is deactivated: they cannot log in, and their open sessions ended. Their labels stay.";
		});
	}

	@PostMapping("/users/{username}/reactivate")
	String reactivate(@PathVariable String username, RedirectAttributes redirect, Principal me,
			HttpServletRequest request) {
		return change(username, redirect, me, request, () -> {
			people.reactivate(username);
			return username + " is active again and can log in.";
		});
	}

	@PostMapping("/users/{username}/password")
	String resetPassword(@PathVariable String username, @RequestParam(defaultValue = "") String password,
			RedirectAttributes redirect, Principal me, HttpServletRequest request) {
		return change(username, redirect, me, request, new Change() {

			@Override
			public String make() {
				people.resetPassword(username, password);
				return "The password of " + username
						+ " is set; their open sessions ended. Give them the new password.";
			}

			@Override
			public boolean endsSessions() {
				return true;
			}

		});
	}

	/**
	 * Makes the change and goes back to the person's page, saying what happened or why
	 * not. An unknown person is a 404 page. An admin who changed their own role, password
	 * or status has had their sessions ended with everyone's: this one is closed here too
	 * (rather than saved again at the end of the request) and they log in again.
	 */
	private String change(String username, RedirectAttributes redirect, Principal me, HttpServletRequest request,
			Change change) {
		Person before = people.get(username);
		String message;
		try {
			message = change.make();
		}
		catch (BadRequestException | ConflictException e) {
			redirect.addFlashAttribute("error", e.getMessage());
			return personPage(username);
		}
		Person after = people.get(username);
		boolean ended = change.endsSessions() || before.role() != after.role() || before.active() != after.active();
		if (ended && me != null && me.getName().equals(username)) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			return "redirect:/login?ended";
		}
		redirect.addFlashAttribute("message", message);
		return personPage(username);
	}

	private static String personPage(String username) {
		return "redirect:" + UriComponentsBuilder.fromPath("/users/{username}").buildAndExpand(username).encode();
	}

	@FunctionalInterface
	interface Change {

		/** Makes the change; what to tell the admin. */
		String make();

		/** Whether it ends the person's sessions even when role and status stay. */
		default boolean endsSessions() {
			return false;
		}

	}

}
