package org.scratchpadlens.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The people pages (admins), the own-password page (everyone), where each role lands
 * after login, and the navigation each role sees.
 */
@AppTest
class PeoplePageTests extends FreshDatabase {

	static final String PASSWORD = "a long passphrase";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	PeopleService people;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@BeforeEach
	void people() {
		for (String name : new String[] { "grace", "alan", "kept-admin" }) {
			if (!accounts.exists(name)) {
				accounts.create(name, PASSWORD,
						name.equals("grace") ? Role.ANNOTATOR : name.equals("alan") ? Role.RESEARCHER : Role.ADMIN);
			}
		}
	}

	static UserRequestPostProcessor admin() {
		return user("admin").roles("ADMIN");
	}

	String html(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void theListShowsEveryoneWithRoleStatusAndAnAddForm() {
		people.deactivate("kept-admin");
		try {
			var page = mvc.get().uri("/users").with(admin()).exchange();
			assertThat(page).hasStatusOk();
			String html = html(page);
			assertThat(html).contains("<h1>People</h1>")
				.contains("href=\"/users/grace\"")
				.contains(">annotator<")
				.contains(">researcher<")
				.containsPattern("(?s)href=\"/users/kept-admin\".*?deactivated")
				.containsPattern("(?s)href=\"/users/admin\">admin</a>\\s*<span class=\"tag\">you</span>")
				.contains("action=\"/users\"")
				.containsPattern("name=\"_csrf\"")
				.contains("value=\"ANNOTATOR\" checked=\"checked\"")
				.contains("minlength=\"10\"")
				.contains("/css/account.css");
		}
		finally {
			people.reactivate("kept-admin");
		}
	}

	@Test
	void addingAPersonRedirectsWithAMessageAndTheyCanLogIn() {
		var added = mvc.post()
			.uri("/users")
			.with(admin())
			.with(csrf())
			.param("username", "barbara")
			.param("role", "RESEARCHER")
			.param("password", "her initial one")
			.exchange();
		assertThat(added).hasStatus(302).redirectedUrl().isEqualTo("/users");
		assertThat(added).flash()
			.containsEntry("message", "Added barbara as researcher. Give them their username and initial password; "
					+ "they change it from their name at the top of any page.");
		assertThat(people.get("barbara").role()).isEqualTo(Role.RESEARCHER);
		assertThat(formLogin("barbara", "her initial one")).redirectedUrl().isEqualTo("/");
	}

	@Test
	void aRefusedAddShowsWhyAndKeepsWhatWasTyped() {
		var shortPassword = mvc.post()
			.uri("/users")
			.with(admin())
			.with(csrf())
			.param("username", "katherine")
			.param("role", "RESEARCHER")
			.param("password", "short")
			.exchange();
		assertThat(shortPassword).hasStatus(400);
		assertThat(html(shortPassword)).contains("The password is too short: at least 10 characters.")
			.contains("value=\"katherine\"")
			.contains("value=\"RESEARCHER\" checked=\"checked\"");
		assertThat(accounts.exists("katherine")).isFalse();

		var badName = mvc.post()
			.uri("/users")
			.with(admin())
			.with(csrf())
			.param("username", "<b>kat</b>")
			.param("role", "ANNOTATOR")
			.param("password", PASSWORD)
			.exchange();
		assertThat(badName).hasStatus(400);
		assertThat(html(badName)).contains("is not a valid username")
			.contains("&lt;b&gt;kat&lt;/b&gt;")
			.doesNotContain("<b>kat</b>");

		var taken = mvc.post()
			.uri("/users")
			.with(admin())
			.with(csrf())
			.param("username", "grace")
			.param("role", "ADMIN")
			.param("password", PASSWORD)
			.exchange();
		assertThat(taken).hasStatus(409);
		assertThat(html(taken)).contains("The username &#39;grace&#39; is taken.");
		assertThat(people.get("grace").role()).isEqualTo(Role.ANNOTATOR);
	}

	@Test
	void aPersonsPageOffersRoleResetAndDeactivationWithConfirmation() {
		var page = mvc.get().uri("/users/grace").with(admin()).exchange();
		assertThat(page).hasStatusOk();
		assertThat(html(page)).contains("<h1>grace</h1>")
			.contains("action=\"/users/grace/role\"")
			.contains("value=\"ANNOTATOR\" checked=\"checked\"")
			.contains("action=\"/users/grace/password\"")
			.contains("action=\"/users/grace/deactivate\"")
			.contains("data-confirm=\"Deactivate grace?")
			.contains("/js/confirm.js")
			.doesNotContain("/users/grace/reactivate");
		assertThat(mvc.get().uri("/users/no-such-person").with(admin())).hasStatus(404);
	}

	@Test
	void changingARoleOnThePageSavesItAndSaysSo() {
		accounts.create("mover", PASSWORD, Role.ANNOTATOR);
		var changed = mvc.post()
			.uri("/users/mover/role")
			.with(admin())
			.with(csrf())
			.param("role", "RESEARCHER")
			.exchange();
		assertThat(changed).hasStatus(302).redirectedUrl().isEqualTo("/users/mover");
		assertThat(changed).flash().containsKey("message");
		assertThat(people.get("mover").role()).isEqualTo(Role.RESEARCHER);

		var unknown = mvc.post().uri("/users/mover/role").with(admin()).with(csrf()).param("role", "OWNER").exchange();
		assertThat(unknown).hasStatus(302).redirectedUrl().isEqualTo("/users/mover");
		assertThat(unknown).flash()
			.containsEntry("error", "'OWNER' is not a role. The role is one of ADMIN, RESEARCHER, ANNOTATOR.");
		assertThat(mvc.post().uri("/users/nobody/role").with(admin()).with(csrf()).param("role", "ADMIN"))
			.hasStatus(404);
	}

	@Test
	void theLastActiveAdminIsToldWhyTheyCannotStepDown() {
		jdbc.sql("update app_user set enabled = false where role = 'ADMIN' and username <> 'admin'").update();
		try {
			var deactivate = mvc.post().uri("/users/admin/deactivate").with(admin()).with(csrf()).exchange();
			assertThat(deactivate).hasStatus(302).redirectedUrl().isEqualTo("/users/admin");
			assertThat(deactivate).flash().containsEntry("error", PeopleService.LAST_ADMIN.formatted("admin"));
			var demote = mvc.post()
				.uri("/users/admin/role")
				.with(admin())
				.with(csrf())
				.param("role", "ANNOTATOR")
				.exchange();
			assertThat(demote).flash().containsEntry("error", PeopleService.LAST_ADMIN.formatted("admin"));
			assertThat(people.get("admin")).extracting(Person::role, Person::active).containsExactly(Role.ADMIN, true);
		}
		finally {
			jdbc.sql("update app_user set enabled = true where username = 'kept-admin'").update();
		}
	}

	@Test
	void deactivatingOnThePageEndsTheirSessionAndReactivatingLetsThemBackIn() {
		accounts.create("visitor", PASSWORD, Role.RESEARCHER);
		Cookie session = logIn("visitor", PASSWORD);
		var deactivated = mvc.post().uri("/users/visitor/deactivate").with(admin()).with(csrf()).exchange();
		assertThat(deactivated).hasStatus(302).redirectedUrl().isEqualTo("/users/visitor");
		assertThat(deactivated).flash().containsKey("message");
		assertThat(mvc.get().uri("/transcripts").accept(MediaType.TEXT_HTML).cookie(session)).hasStatus(302)
			.redirectedUrl()
			.endsWith("/login");
		assertThat(formLogin("visitor", PASSWORD)).redirectedUrl().isEqualTo("/login?deactivated");
		assertThat(html(mvc.get().uri("/login?deactivated").exchange())).contains("This account is deactivated");
		assertThat(html(mvc.get().uri("/users/visitor").with(admin()).exchange()))
			.contains("action=\"/users/visitor/reactivate\"")
			.contains("deactivated: cannot log in");

		assertThat(mvc.post().uri("/users/visitor/reactivate").with(admin()).with(csrf())).hasStatus(302);
		assertThat(formLogin("visitor", PASSWORD)).redirectedUrl().isEqualTo("/");
	}

	@Test
	void anAdminWhoStepsDownOnThePageIsLoggedOutAndToldWhy() {
		accounts.create("self-admin", PASSWORD, Role.ADMIN);
		Cookie session = logIn("self-admin", PASSWORD);
		var unchanged = mvc.post()
			.uri("/users/self-admin/role")
			.cookie(session)
			.with(csrf())
			.param("role", "ADMIN")
			.exchange();
		assertThat(unchanged).as("the same role: nothing ends")
			.hasStatus(302)
			.redirectedUrl()
			.isEqualTo("/users/self-admin");
		assertThat(mvc.get().uri("/users").cookie(session)).hasStatusOk();

		var demoted = mvc.post()
			.uri("/users/self-admin/role")
			.cookie(session)
			.with(csrf())
			.param("role", "RESEARCHER")
			.exchange();
		assertThat(demoted).hasStatus(302).redirectedUrl().isEqualTo("/login?ended");
		assertThat(people.get("self-admin").role()).isEqualTo(Role.RESEARCHER);
		assertThat(mvc.get().uri("/transcripts").accept(MediaType.TEXT_HTML).cookie(session)).hasStatus(302)
			.redirectedUrl()
			.endsWith("/login");
		assertThat(html(mvc.get().uri("/login?ended").exchange())).contains("Your own account changed");
	}

	@Test
	void anAdminResetsAPasswordOnThePage() {
		accounts.create("resettee", PASSWORD, Role.ANNOTATOR);
		var tooShort = mvc.post()
			.uri("/users/resettee/password")
			.with(admin())
			.with(csrf())
			.param("password", "2short")
			.exchange();
		assertThat(tooShort).flash().containsEntry("error", "The password is too short: at least 10 characters.");
		var reset = mvc.post()
			.uri("/users/resettee/password")
			.with(admin())
			.with(csrf())
			.param("password", "the new passphrase")
			.exchange();
		assertThat(reset).hasStatus(302).flash().containsKey("message");
		assertThat(formLogin("resettee", PASSWORD)).redirectedUrl().isEqualTo("/login?error");
		assertThat(formLogin("resettee", "the new passphrase")).redirectedUrl().isEqualTo("/campaigns");
	}

	@Test
	void nonAdminsCannotOpenThePeoplePages() {
		for (var who : new UserRequestPostProcessor[] { user("alan").roles("RESEARCHER"),
				user("grace").roles("ANNOTATOR") }) {
			assertThat(mvc.get().uri("/users").with(who)).hasStatus(403);
			assertThat(mvc.get().uri("/users/grace").with(who)).hasStatus(403);
			assertThat(mvc.post().uri("/users/grace/role").with(who).with(csrf()).param("role", "ADMIN"))
				.hasStatus(403);
		}
		assertThat(people.get("grace").role()).isEqualTo(Role.ANNOTATOR);
	}

	@Test
	void everyoneChangesTheirOwnPasswordOnTheAccountPage() {
		accounts.create("ownpw", PASSWORD, Role.ANNOTATOR);
		var form = mvc.get().uri("/account/password").with(user("ownpw").roles("ANNOTATOR")).exchange();
		assertThat(form).hasStatusOk();
		assertThat(html(form)).contains("Logged in as <strong>ownpw</strong>")
			.contains("name=\"currentPassword\"")
			.contains("name=\"repeatPassword\"")
			.contains("autocomplete=\"new-password\"");

		var differ = change("ownpw", PASSWORD, "first new passphrase", "second new passphrase");
		assertThat(differ).hasStatus(400);
		assertThat(html(differ)).contains("The new password and its repetition differ");
		var wrong = change("ownpw", "not my password", "first new passphrase", "first new passphrase");
		assertThat(wrong).hasStatus(400);
		assertThat(html(wrong)).contains("The current password is not right.");
		var tooShort = change("ownpw", PASSWORD, "short one", "short one");
		assertThat(tooShort).hasStatus(400);
		assertThat(html(tooShort)).contains("at least 10 characters");
		assertThat(encoder.matches(PASSWORD,
				jdbc.sql("select password_hash from app_user where username = 'ownpw'").query(String.class).single()))
			.isTrue();

		var done = change("ownpw", PASSWORD, "first new passphrase", "first new passphrase");
		assertThat(done).hasStatus(302).redirectedUrl().isEqualTo("/account/password");
		assertThat(done).flash().containsKey("message");
		assertThat(formLogin("ownpw", "first new passphrase")).redirectedUrl().isEqualTo("/campaigns");
	}

	MvcTestResult change(String username, String current, String next, String repeat) {
		return mvc.post()
			.uri("/account/password")
			.with(user(username).roles("ANNOTATOR"))
			.with(csrf())
			.param("currentPassword", current)
			.param("newPassword", next)
			.param("repeatPassword", repeat)
			.exchange();
	}

	@Test
	void annotatorsLandOnTheirCampaignsOthersOnTheRuns() {
		assertThat(formLogin("grace", PASSWORD)).redirectedUrl().isEqualTo("/campaigns");
		assertThat(formLogin("alan", PASSWORD)).redirectedUrl().isEqualTo("/");
		assertThat(formLogin("kept-admin", PASSWORD)).redirectedUrl().isEqualTo("/");
	}

	@Test
	void anAnnotatorGoesToTheCampaignPageTheyAskedForButNotToAPageTheyMayNotOpen() {
		assertThat(logInAfterVisiting("grace", "/")).isEqualTo("/campaigns");
		assertThat(logInAfterVisiting("grace", "/transcripts?split=train")).isEqualTo("/campaigns");
		assertThat(logInAfterVisiting("grace", "/campaigns/7")).isEqualTo("http://localhost/campaigns/7");
		assertThat(logInAfterVisiting("grace", "/account/password")).isEqualTo("http://localhost/account/password");
		assertThat(logInAfterVisiting("alan", "/transcripts?split=train"))
			.isEqualTo("http://localhost/transcripts?split=train");
	}

	String logInAfterVisiting(String username, String page) {
		var visit = mvc.get().uri(page).accept(MediaType.TEXT_HTML).exchange();
		assertThat(visit).hasStatus(302).redirectedUrl().endsWith("/login");
		Cookie session = visit.getResponse().getCookie("JSESSIONID");
		var login = mvc.post()
			.uri("/login")
			.cookie(session)
			.param("username", username)
			.param("password", PASSWORD)
			.with(csrf())
			.exchange();
		assertThat(login).hasStatus(302);
		return login.getResponse().getRedirectedUrl();
	}

	@Test
	void theNavigationShowsOnlyWhatTheRoleMayOpen() {
		String annotator = nav(user("grace").roles("ANNOTATOR"));
		assertThat(annotator).contains("href=\"/campaigns\">Campaigns</a>")
			.contains("href=\"/account/password\"")
			.doesNotContain(">Runs<")
			.doesNotContain(">Transcripts<")
			.doesNotContain(">Dashboard<")
			.doesNotContain(">Imports<")
			.doesNotContain(">People<")
			.doesNotContain(">API<")
			.contains("class=\"brand\" href=\"/campaigns\"");
		String researcher = nav(user("alan").roles("RESEARCHER"));
		assertThat(researcher).contains(">Runs<", ">Transcripts<", ">Campaigns<", "href=\"/account/password\"")
			.doesNotContain(">People<")
			.contains("class=\"brand\" href=\"/\"");
		assertThat(nav(admin())).contains(">Runs<", ">Campaigns<", "href=\"/users\">People</a>");
	}

	String nav(UserRequestPostProcessor who) {
		var page = mvc.get().uri("/account/password").with(who).exchange();
		assertThat(page).hasStatusOk();
		String html = html(page);
		return html.substring(html.indexOf("<header"), html.indexOf("</header>"));
	}

	MvcTestResult formLogin(String username, String password) {
		return mvc.post().uri("/login").param("username", username).param("password", password).with(csrf()).exchange();
	}

	Cookie logIn(String username, String password) {
		var login = formLogin(username, password);
		assertThat(login).hasStatus(302);
		Cookie cookie = login.getResponse().getCookie("JSESSIONID");
		assertThat(cookie).isNotNull();
		return cookie;
	}

}
