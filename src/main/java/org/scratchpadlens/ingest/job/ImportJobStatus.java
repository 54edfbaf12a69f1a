package org.scratchpadlens.ingest.job;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an import job stands. Stored, sent and shown in lower case
 * ({@code completed_with_rejections}).
 */
public enum ImportJobStatus {

	/** Reading and writing; its process says it is alive every few seconds. */
	RUNNING,
	/** Every file it read went in (or was found unchanged). */
	COMPLETED,
	/** Some files were rejected; everything else went in. */
	COMPLETED_WITH_REJECTIONS,
	/** Every file it read was rejected: nothing went in. */
	REJECTED,
	/**
	 * It stopped on an error (the database went away, the disk filled up); a re-run
	 * completes it.
	 */
	FAILED,
	/**
	 * Its process died without saying so (no sign of life for {@link ImportJobs#STALE}).
	 */
	INTERRUPTED,
	/** An admin undid it: what it added is gone; its record stays. */
	UNDONE;

	/** The value stored in {@code import_job.status} and sent in JSON. */
	@JsonValue
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** How a page shows it: {@code completed with rejections}. */
	public String label() {
		return value().replace('_', ' ');
	}

	public static ImportJobStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	@Override
	public String toString() {
		return value();
	}

}
