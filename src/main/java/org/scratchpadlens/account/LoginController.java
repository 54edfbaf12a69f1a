package org.scratchpadlens.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	/**
	 * The login page; {@code ?wait=N} (from a refused login) says how many seconds to
	 * wait.
	 */
	@GetMapping("/login")
	String login(@RequestParam(name = "wait", required = false) String wait, Model model) {
		model.addAttribute("waitSeconds", seconds(wait));
		return "login";
	}

	/**
	 * Only a plausible number of seconds is shown: the address can be typed by anyone.
	 */
	private static Long seconds(String wait) {
		if (wait == null || !wait.matches("\\d{1,5}")) {
			return null;
		}
		long seconds = Long.parseLong(wait);
		return seconds >= 1 && seconds <= 3600 ? seconds : null;
	}

}
