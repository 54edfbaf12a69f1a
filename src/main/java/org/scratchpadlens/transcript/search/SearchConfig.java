package org.scratchpadlens.transcript.search;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's own full-text search on PostgreSQL, Lucene on H2 (decision 0005).
 * {@code scratchpad.search.index-path} places H2's index; blank puts it beside an
 * embedded database file ({@code <database>.search}), or in memory for any other H2.
 */
@Configuration
class SearchConfig {

	@Bean
	TextSearch textSearch(DataSource dataSource, JdbcClient jdbc,
			@Value("${scratchpad.search.index-path:}") String indexPath, @Value("${spring.datasource.url:}") String url)
			throws SQLException {
		try (Connection c = dataSource.getConnection()) {
			if (c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
				return new PostgresTextSearch(jdbc, new JdbcTemplate(dataSource));
			}
		}
		return new LuceneTextSearch(jdbc, folder(indexPath, url));
	}

	static Path folder(String indexPath, String url) {
		if (indexPath != null && !indexPath.isBlank()) {
			return Path.of(indexPath);
		}
		if (url == null || !url.startsWith("jdbc:h2:")) {
			return null;
		}
		String rest = url.substring("jdbc:h2:".length());
		int options = rest.indexOf(';');
		String database = options < 0 ? rest : rest.substring(0, options);
		if (database.startsWith("file:")) {
			database = database.substring("file:".length());
		}
		else if (database.startsWith("mem:") || database.startsWith("tcp:") || database.startsWith("ssl:")
				|| database.startsWith("zip:")) {
			return null;
		}
		return database.isBlank() ? null : Path.of(database + ".search");
	}

}
