package org.scratchpadlens.agreement.web;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign's last computed agreement figures, kept in the store (V17) so that they
 * survive a restart: the first view after a start shows them at once, marked as being
 * updated if labels changed meanwhile, instead of waiting while every label is read
 * again. Figures that cannot be read back (another format) are ignored and computed anew;
 * a failure to keep them is logged, never shown: they are derived data.
 */
@Repository
class FiguresStore {

	/**
	 * The figures' format, part of their signature: raise it when {@link AgreementJson}
	 * or the way figures are computed changes, so that kept figures are computed anew.
	 */
	static final int FORMAT = 1;

	private static final Logger log = LoggerFactory.getLogger(FiguresStore.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	FiguresStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Figures with the label state they were computed from. */
	record Kept(String signature, AgreementJson json) {
	}

	Optional<Kept> load(long campaignId, boolean unclearAsCategory) {
		return jdbc.sql("""
				select signature, figures_json from agreement_figures
				where campaign_id = ? and unclear_as_category = ?""")
			.params(campaignId, unclearAsCategory)
			.query((rs, n) -> {
				String signature = rs.getString(1);
				String prefix = FORMAT + "|";
				if (!signature.startsWith(prefix)) {
					return null; // another format
				}
				try {
					return new Kept(signature.substring(prefix.length()),
							JsonMapper.shared().readValue(rs.getString(2), AgreementJson.class));
				}
				catch (JacksonException ex) {
					log.warn("Kept agreement figures of campaign {} are unreadable and will be computed anew: {}",
							campaignId, ex.getOriginalMessage());
					return null;
				}
			})
			.optional();
	}

	void save(long campaignId, boolean unclearAsCategory, String signature, AgreementJson json) {
		try {
			String text = JsonMapper.shared().writeValueAsString(json);
			transaction.executeWithoutResult(status -> {
				jdbc.sql("delete from agreement_figures where campaign_id = ? and unclear_as_category = ?")
					.params(campaignId, unclearAsCategory)
					.update();
				jdbc.sql("""
						insert into agreement_figures (campaign_id, unclear_as_category, signature, figures_json,
						  computed_at) values (?, ?, ?, ?, ?)""")
					.params(campaignId, unclearAsCategory, FORMAT + "|" + signature, text,
							Timestamp.from(Instant.now()))
					.update();
			});
		}
		catch (DataAccessException | JacksonException ex) {
			// another instance saving the same figures, a campaign deleted meanwhile:
			// the figures are derived and will be computed again when needed
			log.info("Agreement figures of campaign {} not kept: {}", campaignId, ex.getMessage());
		}
	}

}
