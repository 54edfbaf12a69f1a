package org.scratchpadlens.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/**
 * The rows one batch writes, one named type per table, inserted parents first in one
 * transaction. Each table's SQL and the binding of its columns sit side by side.
 */
final class Rows {

	record PromptFileRow(long id, String variation, String kind, String fileName, long systemPromptId, long jobId) {
	}

	record TranscriptRow(long id, long runId, String split, String fileName, Integer queryIndex, int version,
			String sha256, long byteSize, String sourcePath, long jobId, Long systemPromptId, String freeTierTag,
			boolean splitMismatch, String userInputSha256, int messageCount, int scratchpadBlocks, boolean hasOutput,
			boolean cutOff, String extraJson, Timestamp importedAt) {
	}

	record MessageRow(long id, long transcriptId, int ordinal, String role, String content, Long systemPromptId,
			String extraJson) {
	}

	record SectionRow(long id, long messageId, long transcriptId, int ordinal, String kind, int depth, int start,
			int end, boolean closed) {
	}

	record MetricRow(long transcriptId, long metricNameId, String type, Boolean bool, Double number, String text,
			String raw) {
	}

	record DocumentRow(long id, String sha256, String setting, String fact, String docType, String idea, String content,
			String metadataJson, String sourcePath, int sourceIndex, long jobId, Timestamp importedAt) {
	}

	record RejectionRow(long jobId, String path, String reason) {
	}

	record FileRow(long jobId, String path, String outcome, Long transcriptId) {
	}

	final List<PromptFileRow> promptFiles = new ArrayList<>();

	/** Ids of the versions that stop being current (a new version replaces each). */
	final List<Long> retire = new ArrayList<>();

	final List<TranscriptRow> transcripts = new ArrayList<>();

	final List<MessageRow> messages = new ArrayList<>();

	final List<SectionRow> sections = new ArrayList<>();

	final List<MetricRow> metrics = new ArrayList<>();

	final List<DocumentRow> documents = new ArrayList<>();

	final List<RejectionRow> rejections = new ArrayList<>();

	final List<FileRow> files = new ArrayList<>();

	/**
	 * Retired versions go first: the database allows one current version per identity at
	 * any moment.
	 */
	void flush(JdbcTemplate jdbc) {
		insert(jdbc, """
				insert into prompt_file (id, variation, kind, file_name, system_prompt_id, import_job_id)
				values (?, ?, ?, ?, ?, ?)""", promptFiles, (ps, r) -> {
			ps.setLong(1, r.id());
			ps.setString(2, r.variation());
			ps.setString(3, r.kind());
			ps.setString(4, r.fileName());
			ps.setLong(5, r.systemPromptId());
			ps.setLong(6, r.jobId());
		});
		insert(jdbc, "update transcript set is_current = false where id = ?", retire, (ps, id) -> ps.setLong(1, id));
		insert(jdbc, """
				insert into transcript (id, run_id, split, file_name, query_index, version, is_current, content_sha256,
				  byte_size, source_path, import_job_id, system_prompt_id, free_tier_tag, split_mismatch,
				  user_input_sha256, message_count, scratchpad_blocks, has_output, cut_off, extra_json, imported_at)
				values (?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", transcripts, (ps, r) -> {
			ps.setLong(1, r.id());
			ps.setLong(2, r.runId());
			ps.setString(3, r.split());
			ps.setString(4, r.fileName());
			setInteger(ps, 5, r.queryIndex());
			ps.setInt(6, r.version());
			ps.setString(7, r.sha256());
			ps.setLong(8, r.byteSize());
			ps.setString(9, r.sourcePath());
			ps.setLong(10, r.jobId());
			setLong(ps, 11, r.systemPromptId());
			ps.setString(12, r.freeTierTag());
			ps.setBoolean(13, r.splitMismatch());
			ps.setString(14, r.userInputSha256());
			ps.setInt(15, r.messageCount());
			ps.setInt(16, r.scratchpadBlocks());
			ps.setBoolean(17, r.hasOutput());
			ps.setBoolean(18, r.cutOff());
			ps.setString(19, r.extraJson());
			ps.setTimestamp(20, r.importedAt());
		});
		insert(jdbc, """
				insert into message (id, transcript_id, ordinal, role, content, system_prompt_id, extra_json)
				values (?, ?, ?, ?, ?, ?, ?)""", messages, (ps, r) -> {
			ps.setLong(1, r.id());
			ps.setLong(2, r.transcriptId());
			ps.setInt(3, r.ordinal());
			ps.setString(4, r.role());
			ps.setString(5, r.content());
			setLong(ps, 6, r.systemPromptId());
			ps.setString(7, r.extraJson());
		});
		insert(jdbc,
				"""
						insert into section (id, message_id, transcript_id, ordinal, kind, depth, start_offset, end_offset, closed)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				sections, (ps, r) -> {
					ps.setLong(1, r.id());
					ps.setLong(2, r.messageId());
					ps.setLong(3, r.transcriptId());
					ps.setInt(4, r.ordinal());
					ps.setString(5, r.kind());
					ps.setInt(6, r.depth());
					ps.setInt(7, r.start());
					ps.setInt(8, r.end());
					ps.setBoolean(9, r.closed());
				});
		insert(jdbc,
				"""
						insert into metric (transcript_id, metric_name_id, value_type, bool_value, num_value, text_value, raw_value)
						values (?, ?, ?, ?, ?, ?, ?)""",
				metrics, (ps, r) -> {
					ps.setLong(1, r.transcriptId());
					ps.setLong(2, r.metricNameId());
					ps.setString(3, r.type());
					if (r.bool() == null) {
						ps.setNull(4, Types.BOOLEAN);
					}
					else {
						ps.setBoolean(4, r.bool());
					}
					if (r.number() == null) {
						ps.setNull(5, Types.DOUBLE);
					}
					else {
						ps.setDouble(5, r.number());
					}
					ps.setString(6, r.text());
					ps.setString(7, r.raw());
				});
		insert(jdbc, """
				insert into synthetic_document (id, sha256, setting, fact, doc_type, idea, content, metadata_json,
				  source_path, source_index, import_job_id, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				documents, (ps, r) -> {
					ps.setLong(1, r.id());
					ps.setString(2, r.sha256());
					ps.setString(3, r.setting());
					ps.setString(4, r.fact());
					ps.setString(5, r.docType());
					ps.setString(6, r.idea());
					ps.setString(7, r.content());
					ps.setString(8, r.metadataJson());
					ps.setString(9, r.sourcePath());
					ps.setInt(10, r.sourceIndex());
					ps.setLong(11, r.jobId());
					ps.setTimestamp(12, r.importedAt());
				});
		insert(jdbc, "insert into import_rejection (import_job_id, path, reason) values (?, ?, ?)", rejections,
				(ps, r) -> {
					ps.setLong(1, r.jobId());
					ps.setString(2, r.path());
					ps.setString(3, r.reason());
				});
		insert(jdbc, "insert into import_file (import_job_id, path, outcome, transcript_id) values (?, ?, ?, ?)", files,
				(ps, r) -> {
					ps.setLong(1, r.jobId());
					ps.setString(2, r.path());
					ps.setString(3, r.outcome());
					setLong(ps, 4, r.transcriptId());
				});
	}

	private static <T> void insert(JdbcTemplate jdbc, String sql, List<T> rows,
			ParameterizedPreparedStatementSetter<T> setter) {
		if (!rows.isEmpty()) {
			jdbc.batchUpdate(sql, rows, rows.size(), setter);
		}
	}

	private static void setLong(PreparedStatement ps, int i, Long value) throws SQLException {
		if (value == null) {
			ps.setNull(i, Types.BIGINT);
		}
		else {
			ps.setLong(i, value);
		}
	}

	private static void setInteger(PreparedStatement ps, int i, Integer value) throws SQLException {
		if (value == null) {
			ps.setNull(i, Types.INTEGER);
		}
		else {
			ps.setInt(i, value);
		}
	}

}
