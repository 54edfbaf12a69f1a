package org.scratchpadlens.annotation.campaign;

import java.util.function.Supplier;

import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Runs a transaction again when the database gave up waiting for a lock or broke a
 * deadlock (a busy item under many raters): nothing of the failed attempt was kept.
 */
public final class Retry {

	private static final int ATTEMPTS = 8;

	private Retry() {
	}

	public static <T> T onLockFailure(Supplier<T> transaction) {
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.get();
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt >= ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

}
