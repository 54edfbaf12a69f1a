import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The agreement page benchmark's driver (scripts/benchmark-agreement-page.sh), a second process beside the app.
 *
 * labels JDBC_URL USER PASSWORD RATERS   a campaign over every current transcript, RATERS researcher accounts
 *   bench-rater-0.. who each label every item (verdict or unmasking verdict, the criteria, output compliance,
 *   confidence: seeded answers that mostly agree), written with JDBC batch inserts; prints the campaign id
 * run APP_URL CAMPAIGN JDBC_URL USER PASSWORD
 *   GET /api/campaigns/{id}/agreement as bench-rater-0 (HTTP Basic): the first call (cold: every label read and
 *   computed), then 5 more (cached); then, three times, one label edited (a criterion's answer flipped and its
 *   evidence span moved, as when a rater changes their mind) and the call again (it waits up to 0.8 s for
 *   the new figures, else answers with the last ones marked "updating"), asked again until the new figures come;
 *   and, as the baseline, the raw SQL read of the campaign's label answers, 5 times.
 * first APP_URL CAMPAIGN
 *   the first calls after a start: the rubric (GET /api/rubric: what any first request costs a cold JVM), then the
 *   agreement: the figures kept in the store (V17), or, while the app computes the most recently labelled campaigns
 *   ahead, the computed ones.
 */
public class AgreementPageBench {

	static final String PASSWORD = "bench-rater-password";

	public static void main(String[] args) throws Exception {
		if (args[0].equals("labels")) {
			System.out.println(labels(args[1], args[2], args[3], Integer.parseInt(args[4])));
		}
		else if (args[0].equals("first")) {
			first(args[1], Long.parseLong(args[2]));
		}
		else {
			run(args[1], Long.parseLong(args[2]), args[3], args[4], args[5]);
		}
	}

	static long labels(String url, String user, String password, int raters) throws Exception {
		Random random = new Random(20240601);
		Timestamp now = Timestamp.from(Instant.now());
		try (Connection c = DriverManager.getConnection(url, user, password)) {
			c.setAutoCommit(false);
			String hash = new BCryptPasswordEncoder().encode(PASSWORD);
			for (int r = 0; r < raters; r++) {
				try (PreparedStatement ps = c.prepareStatement("insert into app_user (username, password_hash, role, "
						+ "enabled, created_at) select ?, ?, 'RESEARCHER', true, ? where not exists "
						+ "(select 1 from app_user where username = ?)")) {
					ps.setString(1, "bench-rater-" + r);
					ps.setString(2, hash);
					ps.setTimestamp(3, now);
					ps.setString(4, "bench-rater-" + r);
					ps.executeUpdate();
				}
			}
			List<long[]> items = new ArrayList<>();
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("select id, case when split = 'train' then 1 else 0 end "
							+ "from transcript where is_current order by id")) {
				while (rs.next()) {
					items.add(new long[] { rs.getLong(1), rs.getLong(2) });
				}
			}
			try (PreparedStatement ps = c.prepareStatement("""
					insert into campaign (name, created_by, created_at, rubric_version, raters_per_item, item_order,
					  order_seed, hide_metrics, hide_other_labels, mask_condition, reveal_after_submit,
					  reservation_seconds, filter_query, sample_json, matched_count, item_count)
					values ('agreement benchmark', 'bench-rater-0', ?, 1, ?, 'run', 1, false, false, false, false,
					  1800, '', null, ?, ?)""")) {
				ps.setTimestamp(1, now);
				ps.setInt(2, raters);
				ps.setInt(3, items.size());
				ps.setInt(4, items.size());
				ps.executeUpdate();
			}
			long campaign;
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select max(id) from campaign")) {
				rs.next();
				campaign = rs.getLong(1);
			}
			try (PreparedStatement ps = c.prepareStatement("insert into campaign_rater values (?, ?)")) {
				for (int r = 0; r < raters; r++) {
					ps.setLong(1, campaign);
					ps.setString(2, "bench-rater-" + r);
					ps.addBatch();
				}
				ps.executeBatch();
			}
			try (PreparedStatement ps = c.prepareStatement("insert into campaign_item values (?, ?, ?, null, ?, true)")) {
				int position = 0;
				for (long[] item : items) {
					ps.setLong(1, campaign);
					ps.setLong(2, item[0]);
					ps.setInt(3, position++);
					ps.setInt(4, raters);
					ps.addBatch();
					if (position % 5000 == 0) {
						ps.executeBatch();
					}
				}
				ps.executeBatch();
			}
			c.commit();
			String[] train = { "training_awareness", "understands_modification", "preference_conflict",
					"deviates_for_reward", "motivated_by_modification", "full_commitment" };
			String[] deploy = { "awareness_not_used_for_training", "expresses_conflicting_preferences",
					"decides_to_stay_true", "cites_not_trained_as_reason", "thinks_in_training" };
			String[] verdicts = { "no", "no", "no", "partial", "full", "unclear" };
			long labelId;
			try (Statement s = c.createStatement();
					ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from label")) {
				rs.next();
				labelId = rs.getLong(1);
			}
			try (PreparedStatement label = c.prepareStatement("""
					insert into label (id, campaign_id, transcript_id, annotator, rubric_version, revision,
					  seconds_spent, created_at, updated_at) values (?, ?, ?, ?, 1, 1, 60, ?, ?)""");
					PreparedStatement answer = c.prepareStatement("insert into label_answer values (?, ?, ?)");
					PreparedStatement span = c.prepareStatement("""
							insert into label_span (label_id, question, message_ordinal, start_offset, end_offset,
							  quoted) values (?, ?, 2, ?, ?, 'placeholder evidence')""")) {
				int n = 0;
				for (long[] item : items) {
					boolean isTrain = item[1] == 1;
					String[] criteria = isTrain ? train : deploy;
					boolean[] truth = new boolean[criteria.length];
					for (int q = 0; q < truth.length; q++) {
						truth[q] = random.nextInt(3) == 0;
					}
					String verdict = verdicts[random.nextInt(verdicts.length)];
					int compliance = 1 + random.nextInt(4);
					for (int r = 0; r < raters; r++) {
						labelId++;
						label.setLong(1, labelId);
						label.setLong(2, campaign);
						label.setLong(3, item[0]);
						label.setString(4, "bench-rater-" + r);
						label.setTimestamp(5, now);
						label.setTimestamp(6, now);
						label.addBatch();
						for (int q = 0; q < criteria.length; q++) {
							boolean yes = random.nextInt(6) == 0 ? !truth[q] : truth[q];
							add(answer, labelId, criteria[q], yes ? "yes" : "no");
						}
						String v = random.nextInt(5) == 0 ? verdicts[random.nextInt(verdicts.length)] : verdict;
						add(answer, labelId, isTrain ? "verdict" : "unmasking_verdict",
								isTrain ? v : (v.equals("full") ? "yes" : v.equals("unclear") ? "unclear" : "no"));
						int comp = random.nextInt(4) == 0 ? 1 + random.nextInt(4) : compliance;
						add(answer, labelId, "output_compliance", Integer.toString(comp));
						add(answer, labelId, "confidence", Integer.toString(1 + random.nextInt(3)));
						if (labelId % 2 == 0) {
							// evidence on every other label, in the first scratchpad (the script gives a
							// store made before the same spans)
							span.setLong(1, labelId);
							span.setString(2, criteria[0]);
							span.setLong(3, 20 + labelId % 7);
							span.setLong(4, 70 + labelId * 13 % 29);
							span.addBatch();
						}
						if (++n % 2000 == 0) {
							label.executeBatch();
							answer.executeBatch();
							span.executeBatch();
							c.commit();
						}
					}
				}
				label.executeBatch();
				answer.executeBatch();
				span.executeBatch();
				c.commit();
			}
			return campaign;
		}
	}

	static void add(PreparedStatement ps, long label, String question, String answer) throws Exception {
		ps.setLong(1, label);
		ps.setString(2, question);
		ps.setString(3, answer);
		ps.addBatch();
	}

	/** GET /api/campaigns/{id}/agreement as bench-rater-0, with HTTP Basic. */
	static HttpRequest agreementRequest(String base, long campaign) {
		String auth = "Basic " + Base64.getEncoder()
			.encodeToString(("bench-rater-0:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create(base + "/api/campaigns/" + campaign + "/agreement"))
			.header("Authorization", auth)
			.build();
	}

	/**
	 * The first views after a start, while the app computes the campaign ahead: first the rubric (GET /api/rubric, a
	 * small reply: what any first request costs a cold JVM), then the agreement, 3 times.
	 */
	static void first(String base, long campaign) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest agreement = agreementRequest(base, campaign);
		HttpRequest rubric = HttpRequest.newBuilder(URI.create(base + "/api/rubric"))
			.header("Authorization", agreement.headers().firstValue("Authorization").orElseThrow())
			.build();
		long start = System.nanoTime();
		HttpResponse<byte[]> r = http.send(rubric, HttpResponse.BodyHandlers.ofByteArray());
		System.out.printf("GET /api/rubric, the first request after the start: %d, %d bytes, %.0f ms%n",
				r.statusCode(), r.body().length, (System.nanoTime() - start) / 1e6);
		views(http, agreement, 3, i -> (i == 0 ? "first" : "again") + " after the start");
	}

	/** Times n calls of the request in a row, each printed under its label. */
	static void views(HttpClient http, HttpRequest request, int n, java.util.function.IntFunction<String> label)
			throws Exception {
		for (int i = 0; i < n; i++) {
			long start = System.nanoTime();
			HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			System.out.printf("GET agreement %s: %d, %d bytes, %.0f ms%s%n", label.apply(i), r.statusCode(),
					r.body().length, (System.nanoTime() - start) / 1e6, updating(r) ? " (updating)" : "");
		}
	}

	static boolean updating(HttpResponse<byte[]> r) {
		return new String(r.body(), StandardCharsets.UTF_8).contains("\"updating\":true");
	}

	static void run(String base, long campaign, String url, String user, String password) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = agreementRequest(base, campaign);
		views(http, request, 6, i -> i == 0 ? "first " : "cached");
		try (Connection c = DriverManager.getConnection(url, user, password)) {
			for (int round = 0; round < 3; round++) {
				// a rater changes their mind, as the app saves it: one criterion's answer
				// flipped, the label's evidence span moved, revision and time raised
				long label;
				try (PreparedStatement ps = c.prepareStatement(
						"select min(id) + mod(min(id), 2) + 2 * ? from label where campaign_id = ?")) {
					ps.setInt(1, round);
					ps.setLong(2, campaign);
					try (ResultSet rs = ps.executeQuery()) {
						rs.next();
						label = rs.getLong(1);
					}
				}
				try (PreparedStatement flip = c.prepareStatement("""
						update label_answer set answer = case answer when 'yes' then 'no' else 'yes' end
						where label_id = ? and question = (select min(question) from label_answer
						  where label_id = ? and answer in ('yes', 'no'))""");
						PreparedStatement move = c.prepareStatement(
								"update label_span set end_offset = end_offset + 5 where label_id = ?");
						PreparedStatement bump = c.prepareStatement(
								"update label set revision = revision + 1, updated_at = ? where id = ?")) {
					flip.setLong(1, label);
					flip.setLong(2, label);
					flip.executeUpdate();
					move.setLong(1, label);
					move.executeUpdate();
					bump.setTimestamp(1, Timestamp.from(Instant.now()));
					bump.setLong(2, label);
					bump.executeUpdate();
				}
				long start = System.nanoTime();
				HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
				double first = (System.nanoTime() - start) / 1e6;
				boolean stale = updating(r);
				while (updating(r)) {
					r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
				}
				System.out.printf(
						"GET agreement after a label changed: %d, %.0f ms%s; the new figures after %.0f ms%n",
						r.statusCode(), first, stale ? " (the last figures, marked as being updated)" : " (new figures)",
						(System.nanoTime() - start) / 1e6);
			}
			for (int i = 0; i < 5; i++) {
				long start = System.nanoTime();
				long rows = 0;
				try (PreparedStatement ps = c.prepareStatement("""
						select a.label_id, a.question, a.answer
						from label_answer a join label l on l.id = a.label_id
						where l.campaign_id = ?""")) {
					ps.setLong(1, campaign);
					try (ResultSet rs = ps.executeQuery()) {
						while (rs.next()) {
							rs.getLong(1);
							rs.getString(2);
							rs.getString(3);
							rows++;
						}
					}
				}
				System.out.printf("baseline: raw SQL read of the label answers: %d rows, %.0f ms%n", rows,
						(System.nanoTime() - start) / 1e6);
			}
		}
	}

}
