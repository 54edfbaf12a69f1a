package org.scratchpadlens.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down password guessing, for form and HTTP Basic logins alike. Failed logins are
 * counted per account and per client address; from the threshold on (5 for an account, 20
 * for an address, so that colleagues behind one address are not locked out by one
 * person's typos), each further attempt is refused for a while: 30 seconds, doubling with
 * every further failure, at most 10 minutes. Failures are forgotten 15 minutes after the
 * last one; a successful login clears its account's count (not its address's: one valid
 * account must not reset the count of an address that guesses at others).
 * <p>
 * The counts live in memory: a restart forgets them, and each instance of the app counts
 * on its own. Every failure and every refusal is logged at WARN with the account, the
 * address and the counts.
 */
class LoginThrottle {

	static final Duration FORGET_AFTER = Duration.ofMinutes(15);

	static final Duration FIRST_WAIT = Duration.ofSeconds(30);

	static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

	/**
	 * Accounts (and addresses) counted at most; beyond, forgotten ones are dropped, then
	 * the oldest.
	 */
	static final int MAX_ENTRIES = 10_000;

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final Clock clock;

	private final int perAccount;

	private final int perAddress;

	private final int maxEntries;

	private final Map<String, Failures> accounts = new ConcurrentHashMap<>();

	private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

	LoginThrottle(Clock clock, int perAccount, int perAddress) {
		this(clock, perAccount, perAddress, MAX_ENTRIES);
	}

	LoginThrottle(Clock clock, int perAccount, int perAddress, int maxEntries) {
		if (perAccount < 1 || perAddress < 1) {
			throw new IllegalArgumentException("the failures allowed must be 1 or more");
		}
		this.clock = clock;
		this.perAccount = perAccount;
		this.perAddress = perAddress;
		this.maxEntries = maxEntries;
	}

	/**
	 * Seconds until a login for this account from this address is allowed again, 0 when
	 * it is allowed now.
	 */
	long secondsToWait(String username, String address) {
		Instant now = clock.instant();
		return Math.max(wait(accounts.get(accountKey(username)), now), wait(addresses.get(addressKey(address)), now));
	}

	/**
	 * Counts a wrong password (or an unknown account); logs it, and the wait it starts.
	 */
	void failed(String username, String address) {
		Instant now = clock.instant();
		Failures account = count(accounts, accountKey(username), perAccount, now);
		Failures from = count(addresses, addressKey(address), perAddress, now);
		log.warn("Failed login for '{}' from {}: {} failed for this account, {} from this address", printable(username),
				printable(address), account.count(), from.count());
		if (account.startedWaitAt(now)) {
			log.warn("Logins for '{}' refused for {} s after {} failures", printable(username),
					account.secondsLeft(now), account.count());
		}
		if (from.startedWaitAt(now)) {
			log.warn("Logins from {} refused for {} s after {} failures", printable(address), from.secondsLeft(now),
					from.count());
		}
	}

	/** A login refused unchecked because its account or address must wait. */
	void refused(String username, String address, long seconds) {
		log.warn("Login for '{}' from {} refused without checking the password: {} s left to wait", printable(username),
				printable(address), seconds);
	}

	/** The password was right: the account starts again from zero. */
	void succeeded(String username) {
		accounts.remove(accountKey(username));
	}

	private Failures count(Map<String, Failures> counts, String key, int allowed, Instant now) {
		if (counts.size() >= maxEntries) {
			sweep(counts, now, maxEntries);
		}
		return counts.compute(key, (k, before) -> {
			int count = before == null || before.forgottenAt(now) ? 1 : before.count() + 1;
			Instant until = count >= allowed ? now.plus(waitAfter(count - allowed)) : null;
			return new Failures(count, now, until);
		});
	}

	/**
	 * The wait after the threshold was reached and {@code beyond} more failures: 30 s, 60
	 * s, 2 min... at most 10 min.
	 */
	static Duration waitAfter(int beyond) {
		if (beyond >= 20) {
			return LONGEST_WAIT;
		}
		Duration wait = FIRST_WAIT.multipliedBy(1L << beyond);
		return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
	}

	/**
	 * Keeps memory bounded when someone tries many user names: forgotten entries first,
	 * then the oldest.
	 */
	private static void sweep(Map<String, Failures> counts, Instant now, int maxEntries) {
		counts.values().removeIf(f -> f.forgottenAt(now));
		int excess = counts.size() - maxEntries * 9 / 10;
		if (excess > 0) {
			counts.entrySet()
				.stream()
				.sorted(Comparator.comparing(e -> e.getValue().last()))
				.limit(excess)
				.map(Map.Entry::getKey)
				.toList()
				.forEach(counts::remove);
		}
	}

	/** How many accounts are counted now (for tests of the memory bound). */
	int accountsCounted() {
		return accounts.size();
	}

	private static long wait(Failures failures, Instant now) {
		return failures == null ? 0 : failures.secondsLeft(now);
	}

	private static String accountKey(String username) {
		return username == null ? "" : username.toLowerCase(Locale.ROOT);
	}

	private static String addressKey(String address) {
		return address == null ? "" : address;
	}

	/** A user name is typed by whoever logs in: no line breaks or escapes in the log. */
	private static String printable(String text) {
		if (text == null) {
			return "";
		}
		String shown = text.length() > 100 ? text.substring(0, 100) + "…" : text;
		return shown.replaceAll("\\p{Cntrl}", "?");
	}

	private record Failures(int count, Instant last, Instant waitUntil) {

		boolean forgottenAt(Instant now) {
			return now.isAfter(last.plus(FORGET_AFTER)) && (waitUntil == null || now.isAfter(waitUntil));
		}

		long secondsLeft(Instant now) {
			if (waitUntil == null || !now.isBefore(waitUntil)) {
				return 0;
			}
			long millis = Duration.between(now, waitUntil).toMillis();
			return (millis + 999) / 1000;
		}

		boolean startedWaitAt(Instant now) {
			return waitUntil != null && last.equals(now);
		}

	}

}
