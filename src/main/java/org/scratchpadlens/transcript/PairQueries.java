package org.scratchpadlens.transcript;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Train/deploy pairs of current transcript versions. The paper used "the exact same set"
 * of queries in both conditions, so file N in train and file N in deploy hold the same
 * query; where names are not numbers or indexes do not line up, identical user input (by
 * hash) pairs them instead.
 */
@Repository
public class PairQueries {

	private final JdbcClient jdbc;

	PairQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<RunPairs> pairs(long runId) {
		Optional<String> run = jdbc.sql("select path from run where id = ?")
			.param(runId)
			.query(String.class)
			.optional();
		if (run.isEmpty()) {
			return Optional.empty();
		}
		List<TranscriptPair> pairs = jdbc.sql("""
				select t.query_index, t.id, t.file_name, d.id, d.file_name, 'query_index' as matched_by
				from transcript t join transcript d
				  on d.run_id = t.run_id and d.split = 'deploy' and d.is_current and d.query_index = t.query_index
				where t.run_id = :run and t.split = 'train' and t.is_current
				union all
				select t.query_index, t.id, t.file_name, d.id, d.file_name, 'user_input' as matched_by
				from transcript t join transcript d
				  on d.run_id = t.run_id and d.split = 'deploy' and d.is_current
				 and d.user_input_sha256 = t.user_input_sha256
				where t.run_id = :run and t.split = 'train' and t.is_current
				  and not exists (select 1 from transcript x where x.run_id = t.run_id and x.split = 'deploy'
				                  and x.is_current and x.query_index = t.query_index)
				  and not exists (select 1 from transcript y where y.run_id = d.run_id and y.split = 'train'
				                  and y.is_current and y.query_index = d.query_index)
				order by 1, 2""")
			.param("run", runId)
			.query((rs, n) -> new TranscriptPair((Integer) rs.getObject(1), rs.getLong(2), rs.getString(3),
					rs.getLong(4), rs.getString(5), rs.getString(6)))
			.list();
		Set<Long> paired = new HashSet<>();
		pairs.forEach(p -> {
			paired.add(p.trainId());
			paired.add(p.deployId());
		});
		List<Object[]> current = jdbc.sql("select id, split from transcript where run_id = ? and is_current")
			.param(runId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.list();
		long unpairedTrain = current.stream()
			.filter(r -> "train".equals(r[1]) && !paired.contains((Long) r[0]))
			.count();
		long unpairedDeploy = current.stream()
			.filter(r -> "deploy".equals(r[1]) && !paired.contains((Long) r[0]))
			.count();
		return Optional.of(new RunPairs(run.get(), pairs, unpairedTrain, unpairedDeploy));
	}

	/**
	 * The current transcript of the other split of the same run that holds the same
	 * query: by query index, else (when neither side's index has a partner) by identical
	 * user input, as {@link #pairs} matches them.
	 */
	public Optional<Long> pairOf(long transcriptId) {
		Optional<Long> byIndex = jdbc.sql("""
				select d.id from transcript t join transcript d
				  on d.run_id = t.run_id and d.split <> t.split and d.is_current and d.query_index = t.query_index
				where t.id = ? order by d.id fetch first 1 rows only""")
			.param(transcriptId)
			.query(Long.class)
			.optional();
		if (byIndex.isPresent()) {
			return byIndex;
		}
		return jdbc.sql("""
				select d.id from transcript t join transcript d
				  on d.run_id = t.run_id and d.split <> t.split and d.is_current
				 and d.user_input_sha256 = t.user_input_sha256
				where t.id = ?
				  and not exists (select 1 from transcript y where y.run_id = d.run_id and y.split = t.split
				                  and y.is_current and y.query_index = d.query_index)
				order by d.id fetch first 1 rows only""").param(transcriptId).query(Long.class).optional();
	}

}
