package org.scratchpadlens.transcript;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One version of a transcript (same run, split and file name). */
public record TranscriptVersion(long id, int version, OffsetDateTime importedAt, @JsonIgnore boolean current) {
}
