package org.scratchpadlens.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The throttle's arithmetic, on a clock the test moves. */
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTests {

	final MovableClock clock = new MovableClock();

	final LoginThrottle throttle = new LoginThrottle(clock, 5, 20);

	void fail(String user, String address, int times) {
		for (int i = 0; i < times; i++) {
			throttle.failed(user, address);
		}
	}

	@Test
	void anAccountWaitsAfterFiveFailuresAndNotBefore() {
		fail("bob", "10.0.0.1", 4);
		assertThat(throttle.secondsToWait("bob", "10.0.0.1")).isZero();

		throttle.failed("bob", "10.0.0.1");

		assertThat(throttle.secondsToWait("bob", "10.0.0.1")).isEqualTo(30);
		assertThat(throttle.secondsToWait("bob", "10.0.0.99")).as("from anywhere").isEqualTo(30);
		assertThat(throttle.secondsToWait("BOB", "10.0.0.99")).as("in any case").isEqualTo(30);
		clock.advance(Duration.ofSeconds(12));
		assertThat(throttle.secondsToWait("bob", "10.0.0.1")).isEqualTo(18);
		clock.advance(Duration.ofSeconds(18));
		assertThat(throttle.secondsToWait("bob", "10.0.0.1")).isZero();
	}

	@Test
	void eachFurtherFailureDoublesTheWaitUpToTenMinutes() {
		fail("bob", "10.0.0.1", 5);
		long[] waits = new long[8];
		for (int i = 0; i < waits.length; i++) {
			waits[i] = throttle.secondsToWait("bob", "10.0.0.1");
			clock.advance(Duration.ofSeconds(waits[i]));
			throttle.failed("bob", "10.0.0.1");
		}
		assertThat(waits).containsExactly(30, 60, 120, 240, 480, 600, 600, 600);
	}

	@Test
	void failuresAreForgottenFifteenMinutesAfterTheLast() {
		fail("bob", "10.0.0.1", 4);
		clock.advance(Duration.ofMinutes(15).plusSeconds(1));

		throttle.failed("bob", "10.0.0.1");

		assertThat(throttle.secondsToWait("bob", "10.0.0.1")).isZero();
	}

	@Test
	void aSuccessfulLoginClearsTheAccountButNotTheAddress() {
		fail("bob", "10.0.0.1", 4);
		throttle.succeeded("bob");
		fail("bob", "10.0.0.1", 4);
		assertThat(throttle.secondsToWait("bob", "10.0.0.1")).as("4 since the success").isZero();

		for (int i = 0; i < 12; i++) {
			throttle.failed("other" + i, "10.0.0.1");
		}
		assertThat(throttle.secondsToWait("bob", "10.0.0.1")).as("the address failed 20 times").isEqualTo(30);
		assertThat(throttle.secondsToWait("bob", "10.0.0.2")).as("bob from elsewhere").isZero();
	}

	@Test
	void oneAccountsFailuresDoNotLockAnotherBelowTheAddressLimit() {
		fail("mallory-target", "10.0.0.1", 7);

		assertThat(throttle.secondsToWait("mallory-target", "10.0.0.1")).isPositive();
		assertThat(throttle.secondsToWait("alice", "10.0.0.1")).isZero();
		assertThat(throttle.secondsToWait("alice", "10.0.0.2")).isZero();
	}

	@Test
	void anAddressThatGuessesAtManyAccountsWaitsForAllOfThem() {
		for (int i = 0; i < 20; i++) {
			throttle.failed("guess" + i, "10.6.6.6");
		}

		assertThat(throttle.secondsToWait("alice", "10.6.6.6")).isEqualTo(30);
		assertThat(throttle.secondsToWait("alice", "10.0.0.2")).isZero();
		assertThat(throttle.secondsToWait("guess0", "10.0.0.2")).as("each account failed once").isZero();
	}

	@Test
	void everyFailureAndEveryWaitIsLoggedWithAccountAddressAndCount(CapturedOutput output) {
		fail("bob", "10.0.0.1", 5);
		throttle.refused("bob", "10.0.0.1", 30);

		assertThat(output).contains("WARN")
			.contains("Failed login for 'bob' from 10.0.0.1: 1 failed for this account, 1 from this address")
			.contains("Failed login for 'bob' from 10.0.0.1: 5 failed for this account, 5 from this address")
			.contains("Logins for 'bob' refused for 30 s after 5 failures")
			.contains("Login for 'bob' from 10.0.0.1 refused without checking the password: 30 s left to wait");
	}

	@Test
	void aUserNameCannotWriteLinesIntoTheLog(CapturedOutput output) {
		throttle.failed("eve\nINFO forged line", "10.0.0.1");

		assertThat(output).contains("Failed login for 'eve?INFO forged line'").doesNotContain("\nINFO forged line");
	}

	@Test
	void manyUserNamesDoNotGrowMemoryWithoutBound() {
		LoginThrottle small = new LoginThrottle(clock, 5, 20, 50);
		for (int i = 0; i < 500; i++) {
			clock.advance(Duration.ofMillis(10));
			small.failed("name" + i, "10.0.0." + (i % 200));
		}
		for (int i = 0; i < 5; i++) {
			clock.advance(Duration.ofMillis(10));
			small.failed("recent", "10.1.0.1");
		}

		assertThat(small.accountsCounted()).isLessThanOrEqualTo(50);
		assertThat(small.secondsToWait("recent", "10.1.0.2")).as("the newest are kept").isEqualTo(30);
	}

	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-03-01T10:00:00Z");

		void advance(Duration d) {
			now = now.plus(d);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
