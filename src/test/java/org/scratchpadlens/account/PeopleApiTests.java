package org.scratchpadlens.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scratchpadlens.support.AppTest;
import org.scratchpadlens.support.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The people API: every endpoint, each refusal (400, 403, 404, 409), the last admin, and
 * what deactivating and password changes do to logins and open sessions.
 */
@AppTest
class PeopleApiTests extends FreshDatabase {

	static final String ADMIN_PASSWORD = "admin-test-password";

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
		for (Role role : Role.values()) {
			String name = "some-" + role.name().toLowerCase();
			if (!accounts.exists(name)) {
				accounts.create(name, PASSWORD, role);
			}
		}
	}

	MvcTestResult asAdmin(String method, String uri, String body) {
		return call(method, uri, body, "admin", ADMIN_PASSWORD);
	}

	MvcTestResult call(String method, String uri, String body, String username, String password) {
		var request = switch (method) {
			case "GET" -> mvc.get().uri(uri);
			case "POST" -> mvc.post().uri(uri);
			case "PUT" -> mvc.put().uri(uri);
			default -> throw new IllegalArgumentException(method);
		};
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return request.with(httpBasic(username, password)).exchange();
	}

	String error(MvcTestResult result) {
		return assertThat(result).bodyJson().extractingPath("$.error").asString().actual();
	}

	@Test
	void anAdminAddsAPersonWhoCanThenLogIn() {
		var added = asAdmin("POST", "/api/users",
				"{\"username\": \"ada.l_1-x\", \"password\": \"ten chars!\", \"role\": \"researcher\"}");
		assertThat(added).hasStatus(201).hasHeader("Location", "/api/users/ada.l_1-x");
		assertThat(added).bodyJson()
			.extractingPath("$")
			.asMap()
			.containsOnlyKeys("username", "role", "active", "createdAt", "lastLoginAt")
			.containsEntry("username", "ada.l_1-x")
			.containsEntry("role", "RESEARCHER")
			.containsEntry("active", true)
			.containsEntry("lastLoginAt", null)
			.containsKey("createdAt");
		assertThat(added).bodyJson().extractingPath("$.createdAt").asString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		assertThat(jdbc.sql("select password_hash from app_user where username = 'ada.l_1-x'")
			.query(String.class)
			.single()).as("BCrypt").startsWith("$2");

		assertThat(call("GET", "/api/runs", null, "ada.l_1-x", "ten chars!")).as("a researcher browses").hasStatusOk();
		var list = asAdmin("GET", "/api/users", null);
		assertThat(list).hasStatusOk();
		assertThat(list).bodyJson()
			.extractingPath("$[*].username")
			.asArray()
			.contains("admin", "ada.l_1-x", "some-annotator");
		assertThat(list).bodyJson()
			.extractingPath("$[?(@.username == 'admin')].role")
			.asArray()
			.containsExactly("ADMIN");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "has space", "semi;colon", "<script>", "ümlaut", "tab\tname", "slash/name",
			"x123456789x123456789x123456789x123456789x123456789x123456789x123456789x123456789x123456789x123456789x" })
	void aUsernameOutsideTheAllowedCharactersOrLengthIsA400ThatSaysWhatIsAllowed(String username) {
		var result = asAdmin("POST", "/api/users", "{\"username\": \"" + username.replace("\t", "\\t")
				+ "\", \"password\": \"" + PASSWORD + "\", \"role\": \"ANNOTATOR\"}");
		assertThat(result).hasStatus(400);
		assertThat(error(result)).contains("1 to 100 characters").contains("letters").contains("digits");
		assertThat(accounts.exists(username)).isFalse();
	}

	@Test
	void aUsernameOfExactly100CharactersIsAllowed() {
		String name = "u".repeat(100);
		assertThat(asAdmin("POST", "/api/users",
				"{\"username\": \"" + name + "\", \"password\": \"" + PASSWORD + "\", \"role\": \"ANNOTATOR\"}"))
			.hasStatus(201);
	}

	@Test
	void aPasswordUnder10CharactersIsA400() {
		var result = asAdmin("POST", "/api/users",
				"{\"username\": \"shorty\", \"password\": \"nine char\", \"role\": \"ANNOTATOR\"}");
		assertThat(result).hasStatus(400);
		assertThat(error(result)).contains("at least 10 characters");
		assertThat(accounts.exists("shorty")).isFalse();
		var missing = asAdmin("POST", "/api/users", "{\"username\": \"shorty\", \"role\": \"ANNOTATOR\"}");
		assertThat(missing).hasStatus(400);
		assertThat(error(missing)).contains("password is missing");
	}

	@Test
	void aPasswordOverBcryptsLimitIsA400RatherThanCutShort() {
		var result = asAdmin("POST", "/api/users",
				"{\"username\": \"longpw\", \"password\": \"" + "p".repeat(73) + "\", \"role\": \"ANNOTATOR\"}");
		assertThat(result).hasStatus(400);
		assertThat(error(result)).contains("at most 72 bytes");
		assertThat(asAdmin("POST", "/api/users",
				"{\"username\": \"longpw\", \"password\": \"" + "p".repeat(72) + "\", \"role\": \"ANNOTATOR\"}"))
			.hasStatus(201);
	}

	@Test
	void anUnknownRoleIsA400ThatListsTheRoles() {
		var result = asAdmin("POST", "/api/users",
				"{\"username\": \"rolo\", \"password\": \"" + PASSWORD + "\", \"role\": \"RATER\"}");
		assertThat(result).hasStatus(400);
		assertThat(error(result)).contains("'RATER' is not a role").contains("ADMIN, RESEARCHER, ANNOTATOR");
		var missing = asAdmin("POST", "/api/users", "{\"username\": \"rolo\", \"password\": \"" + PASSWORD + "\"}");
		assertThat(missing).hasStatus(400);
		assertThat(error(missing)).contains("role is missing").contains("ADMIN, RESEARCHER, ANNOTATOR");
		assertThat(accounts.exists("rolo")).isFalse();
	}

	@Test
	void aBodyThatIsNotJsonIsA400WithAnExample() {
		var result = asAdmin("POST", "/api/users", "username=ada");
		assertThat(result).hasStatus(400);
		assertThat(error(result)).contains("not valid JSON").contains("\"username\"");
	}

	@Test
	void anExistingUsernameIsA409EvenInOtherCase() {
		var same = asAdmin("POST", "/api/users",
				"{\"username\": \"some-annotator\", \"password\": \"" + PASSWORD + "\", \"role\": \"ANNOTATOR\"}");
		assertThat(same).hasStatus(409);
		assertThat(error(same)).isEqualTo("The username 'some-annotator' is taken.");
		var otherCase = asAdmin("POST", "/api/users",
				"{\"username\": \"Some-Annotator\", \"password\": \"" + PASSWORD + "\", \"role\": \"ANNOTATOR\"}");
		assertThat(otherCase).hasStatus(409);
		assertThat(error(otherCase)).contains("'some-annotator'").contains("upper and lower case");
		assertThat(encoder.matches(PASSWORD, hash("some-annotator"))).as("the existing account is untouched").isTrue();
	}

	@Test
	void anUnknownUserIsA404OnEveryEndpointThatNamesOne() {
		for (var result : List.of(asAdmin("PUT", "/api/users/nobody-here/role", "{\"role\": \"ADMIN\"}"),
				asAdmin("POST", "/api/users/nobody-here/deactivate", null),
				asAdmin("POST", "/api/users/nobody-here/reactivate", null),
				asAdmin("PUT", "/api/users/nobody-here/password", "{\"password\": \"" + PASSWORD + "\"}"))) {
			assertThat(result).hasStatus(404);
			assertThat(error(result)).isEqualTo("There is no person with the username 'nobody-here'.");
		}
		assertThat(accounts.exists("nobody-here")).isFalse();
	}

	@Test
	void nonAdminsAreRefusedEveryPeopleEndpoint() {
		for (String who : List.of("some-researcher", "some-annotator")) {
			for (var result : List.of(call("GET", "/api/users", null, who, PASSWORD),
					call("POST", "/api/users",
							"{\"username\": \"sneaky\", \"password\": \"" + PASSWORD + "\", \"role\": \"ADMIN\"}", who,
							PASSWORD),
					call("PUT", "/api/users/" + who + "/role", "{\"role\": \"ADMIN\"}", who, PASSWORD),
					call("POST", "/api/users/some-admin/deactivate", null, who, PASSWORD),
					call("POST", "/api/users/" + who + "/reactivate", null, who, PASSWORD), call("PUT",
							"/api/users/some-admin/password", "{\"password\": \"" + PASSWORD + "\"}", who, PASSWORD))) {
				// (the JSON body of a 403 is written by the error page, which MockMvc
				// does not
				// render; ErrorResponseTests checks it on a real server)
				assertThat(result).as(who).hasStatus(403);
			}
			assertThat(person(who).role()).isNotEqualTo(Role.ADMIN);
		}
		assertThat(accounts.exists("sneaky")).isFalse();
		assertThat(person("some-admin").active()).isTrue();
	}

	@Test
	void aRoleChangeIsSavedAndAnUnknownRoleListsTheRoles() {
		accounts.create("changer", PASSWORD, Role.ANNOTATOR);
		var changed = asAdmin("PUT", "/api/users/changer/role", "{\"role\": \"RESEARCHER\"}");
		assertThat(changed).hasStatusOk();
		assertThat(changed).bodyJson().extractingPath("$.role").isEqualTo("RESEARCHER");
		assertThat(person("changer").role()).isEqualTo(Role.RESEARCHER);
		assertThat(call("GET", "/api/runs", null, "changer", PASSWORD)).as("now a researcher").hasStatusOk();

		var unknown = asAdmin("PUT", "/api/users/changer/role", "{\"role\": \"boss\"}");
		assertThat(unknown).hasStatus(400);
		assertThat(error(unknown)).contains("ADMIN, RESEARCHER, ANNOTATOR");
		assertThat(person("changer").role()).isEqualTo(Role.RESEARCHER);
	}

	/** Only admin and some-admin are admins (other tests may have left more). */
	void onlyTheTwoAdmins() {
		jdbc.sql(
				"update app_user set role = 'RESEARCHER' where role = 'ADMIN' and username not in ('admin', 'some-admin')")
			.update();
	}

	@Test
	void theLastActiveAdminCannotBeDemotedOrDeactivated() {
		onlyTheTwoAdmins();
		// admin is the only active admin once some-admin is deactivated
		assertThat(asAdmin("POST", "/api/users/some-admin/deactivate", null)).hasStatusOk();
		try {
			var demote = asAdmin("PUT", "/api/users/admin/role", "{\"role\": \"RESEARCHER\"}");
			assertThat(demote).hasStatus(409);
			assertThat(error(demote)).contains("admin is the last active admin");
			var deactivate = asAdmin("POST", "/api/users/admin/deactivate", null);
			assertThat(deactivate).hasStatus(409);
			assertThat(error(deactivate)).contains("last active admin");
			assertThat(person("admin")).extracting(Person::role, Person::active).containsExactly(Role.ADMIN, true);
		}
		finally {
			assertThat(asAdmin("POST", "/api/users/some-admin/reactivate", null)).hasStatusOk();
		}
		// with another active admin, an admin may step down (some-admin here)
		accounts.create("second-admin", PASSWORD, Role.ADMIN);
		assertThat(call("PUT", "/api/users/second-admin/role", "{\"role\": \"RESEARCHER\"}", "second-admin", PASSWORD))
			.hasStatusOk();
		assertThat(person("second-admin").role()).isEqualTo(Role.RESEARCHER);
	}

	@Test
	void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
		// only admin and duel are active admins
		onlyTheTwoAdmins();
		people.deactivate("some-admin");
		accounts.create("duel", PASSWORD, Role.ADMIN);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CyclicBarrier start = new CyclicBarrier(2);
			List<Future<Boolean>> results = new ArrayList<>();
			for (String target : List.of("admin", "duel")) {
				Callable<Boolean> demote = () -> {
					start.await(10, TimeUnit.SECONDS);
					try {
						people.changeRole(target, "RESEARCHER");
						return true;
					}
					catch (ConflictException e) {
						return false;
					}
				};
				results.add(pool.submit(demote));
			}
			int demoted = 0;
			for (Future<Boolean> result : results) {
				demoted += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(demoted).as("one of the two demotions waits for the other, then is refused").isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from app_user where role = 'ADMIN' and enabled")
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
			jdbc.sql("update app_user set role = 'ADMIN' where username = 'admin'").update();
			people.reactivate("some-admin");
		}
	}

	@Test
	void aDeactivatedPersonCannotLogInTheirSessionsEndAndReactivationLetsThemBackIn() {
		accounts.create("leaver", PASSWORD, Role.RESEARCHER);
		Cookie session = logIn("leaver", PASSWORD);
		assertThat(mvc.get().uri("/api/runs").cookie(session)).hasStatusOk();

		var deactivated = asAdmin("POST", "/api/users/leaver/deactivate", null);
		assertThat(deactivated).hasStatusOk();
		assertThat(deactivated).bodyJson().extractingPath("$.active").isEqualTo(false);
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'leaver'")
			.query(Long.class)
			.single()).as("their session rows are gone").isZero();
		assertThat(mvc.get().uri("/api/runs").cookie(session)).as("the open session ended").hasStatus(401);
		assertThat(mvc.get().uri("/transcripts").accept(MediaType.TEXT_HTML).cookie(session)).hasStatus(302)
			.redirectedUrl()
			.endsWith("/login");
		assertThat(call("GET", "/api/runs", null, "leaver", PASSWORD)).as("Basic").hasStatus(401);
		assertThat(formLogin("leaver", PASSWORD)).hasStatus(302).redirectedUrl().isEqualTo("/login?deactivated");
		assertThat(formLogin("leaver", "not the password")).as("a wrong password says nothing about the account")
			.hasStatus(302)
			.redirectedUrl()
			.isEqualTo("/login?error");
		assertThat(asAdmin("GET", "/api/users", null)).bodyJson()
			.extractingPath("$[?(@.username == 'leaver')].active")
			.asArray()
			.containsExactly(false);

		assertThat(asAdmin("POST", "/api/users/leaver/reactivate", null)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.active")
			.isEqualTo(true);
		assertThat(call("GET", "/api/runs", null, "leaver", PASSWORD)).hasStatusOk();
	}

	@Test
	void deactivatingLeavesOtherPeoplesSessionsAlone() {
		accounts.create("stayer", PASSWORD, Role.RESEARCHER);
		accounts.create("goer", PASSWORD, Role.RESEARCHER);
		Cookie stays = logIn("stayer", PASSWORD);
		logIn("goer", PASSWORD);
		assertThat(asAdmin("POST", "/api/users/goer/deactivate", null)).hasStatusOk();
		assertThat(mvc.get().uri("/api/runs").cookie(stays)).hasStatusOk();
	}

	@Test
	void anAdminResetsAPasswordAndTheOldOneAndItsSessionsStopWorking() {
		accounts.create("forgetful", PASSWORD, Role.RESEARCHER);
		Cookie session = logIn("forgetful", PASSWORD);
		var shortOne = asAdmin("PUT", "/api/users/forgetful/password", "{\"password\": \"short\"}");
		assertThat(shortOne).hasStatus(400);
		assertThat(error(shortOne)).contains("at least 10 characters");

		assertThat(asAdmin("PUT", "/api/users/forgetful/password", "{\"password\": \"brand new passphrase\"}"))
			.hasStatus(204);
		assertThat(call("GET", "/api/runs", null, "forgetful", PASSWORD)).hasStatus(401);
		assertThat(call("GET", "/api/runs", null, "forgetful", "brand new passphrase")).hasStatusOk();
		assertThat(mvc.get().uri("/api/runs").cookie(session)).as("their open session ended").hasStatus(401);
	}

	@Test
	void everyoneChangesTheirOwnPasswordKnowingTheCurrentOne() {
		accounts.create("self-changer", PASSWORD, Role.ANNOTATOR);
		var wrong = call("PUT", "/api/account/password",
				"{\"currentPassword\": \"not it at all\", \"newPassword\": \"my new passphrase\"}", "self-changer",
				PASSWORD);
		assertThat(wrong).hasStatus(400);
		assertThat(error(wrong)).isEqualTo("The current password is not right.");
		var shortOne = call("PUT", "/api/account/password",
				"{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"too short\"}", "self-changer",
				PASSWORD);
		assertThat(shortOne).hasStatus(400);
		assertThat(error(shortOne)).contains("at least 10 characters");
		var missing = call("PUT", "/api/account/password", "{\"newPassword\": \"my new passphrase\"}", "self-changer",
				PASSWORD);
		assertThat(missing).hasStatus(400);
		assertThat(error(missing)).contains("current password is missing");
		assertThat(encoder.matches(PASSWORD, hash("self-changer"))).isTrue();

		assertThat(call("PUT", "/api/account/password",
				"{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"my new passphrase\"}", "self-changer",
				PASSWORD))
			.hasStatus(204);
		assertThat(encoder.matches("my new passphrase", hash("self-changer"))).isTrue();
		assertThat(formLogin("self-changer", "my new passphrase")).redirectedUrl().isEqualTo("/campaigns");
	}

	@Test
	void changingOnesOwnPasswordEndsOnlyTheOtherSessions() {
		accounts.create("two-browsers", PASSWORD, Role.RESEARCHER);
		Cookie here = logIn("two-browsers", PASSWORD);
		Cookie elsewhere = logIn("two-browsers", PASSWORD);
		var changed = mvc.put()
			.uri("/api/account/password")
			.cookie(here)
			.with(csrf().asHeader())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"another passphrase\"}");
		assertThat(changed).hasStatus(204);
		assertThat(mvc.get().uri("/api/runs").cookie(here)).as("this session goes on").hasStatusOk();
		assertThat(mvc.get().uri("/api/runs").cookie(elsewhere)).as("the other one ended").hasStatus(401);
	}

	@Test
	void wrongCurrentPasswordsAreThrottledLikeFailedLogins() {
		accounts.create("guesser", PASSWORD, Role.RESEARCHER);
		Cookie session = logIn("guesser", PASSWORD);
		int status = 0;
		for (int i = 0; i < 6 && status != 429; i++) {
			var result = mvc.put()
				.uri("/api/account/password")
				.cookie(session)
				.with(csrf().asHeader())
				.with(request -> {
					// an address of its own: the throttle also counts per address
					request.setRemoteAddr("10.9.8.7");
					return request;
				})
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"currentPassword\": \"guess number " + i + "\", \"newPassword\": \"whatever it be\"}")
				.exchange();
			status = result.getResponse().getStatus();
			if (status == 429) {
				assertThat(result.getResponse().getHeader("Retry-After")).matches("\\d+");
				assertThat(error(result)).contains("wait");
			}
		}
		assertThat(status).as("refused after five wrong passwords").isEqualTo(429);
		assertThat(encoder.matches(PASSWORD, hash("guesser"))).isTrue();
	}

	@Test
	void theApiDescriptionListsThePeopleEndpointsUnderTheirTag() {
		var docs = asAdmin("GET", "/api/openapi", null);
		assertThat(docs).hasStatusOk();
		assertThat(docs).bodyJson()
			.extractingPath("$.paths")
			.asMap()
			.containsKeys("/api/users", "/api/users/{username}/role", "/api/users/{username}/deactivate",
					"/api/users/{username}/reactivate", "/api/users/{username}/password", "/api/account/password");
		assertThat(docs).bodyJson()
			.extractingPath("$.paths['/api/users'].post.tags")
			.asArray()
			.containsExactly("People");
		assertThat(docs).bodyJson()
			.extractingPath("$.paths['/api/account/password'].put.tags")
			.asArray()
			.containsExactly("People");
	}

	@Test
	void aFormLoginRecordsTheLastLogin() {
		accounts.create("returner", PASSWORD, Role.RESEARCHER);
		assertThat(person("returner").lastLoginAt()).isNull();
		logIn("returner", PASSWORD);
		assertThat(person("returner").lastLoginAt()).isNotNull();
		assertThat(asAdmin("GET", "/api/users", null)).bodyJson()
			.extractingPath("$[?(@.username == 'returner')].lastLoginAt")
			.asArray()
			.singleElement()
			.isNotNull();
	}

	Person person(String username) {
		return people.get(username);
	}

	String hash(String username) {
		return jdbc.sql("select password_hash from app_user where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	MvcTestResult formLogin(String username, String password) {
		return mvc.post().uri("/login").param("username", username).param("password", password).with(csrf()).exchange();
	}

	/** A browser's login: the session cookie it gets. */
	Cookie logIn(String username, String password) {
		var login = formLogin(username, password);
		assertThat(login).hasStatus(302);
		assertThat(login.getResponse().getRedirectedUrl()).doesNotContain("/login");
		Cookie cookie = login.getResponse().getCookie("JSESSIONID");
		assertThat(cookie).isNotNull();
		return cookie;
	}

}
