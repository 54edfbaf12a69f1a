package org.scratchpadlens.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Empties the shared test database before a test class: every table but Flyway's history,
 * and every account but the bootstrap admin. Tables are found by the database's own
 * catalogue, so tables added by later migrations are emptied too.
 */
public class EmptyStore implements BeforeAllCallback {

	private static final String ADMIN = "admin";

	@Override
	public void beforeAll(ExtensionContext context) throws SQLException {
		ApplicationContext app = SpringExtension.getApplicationContext(context);
		empty(app.getBean(DataSource.class));
	}

	/** Empties the store now (for a class whose tests each need an empty one). */
	public static void empty(DataSource dataSource) throws SQLException {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					String name = rs.getString("TABLE_NAME");
					String lower = name.toLowerCase(Locale.ROOT);
					if (!lower.equals("flyway_schema_history") && !lower.equals("app_user")) {
						tables.add(name);
					}
				}
			}
			if (postgres) {
				if (!tables.isEmpty()) {
					s.execute("truncate table " + String.join(", ", tables.stream().map(t -> "\"" + t + "\"").toList())
							+ " cascade");
				}
			}
			else {
				s.execute("set referential_integrity false");
				try {
					for (String t : tables) {
						s.execute("truncate table \"" + t + "\"");
					}
				}
				finally {
					s.execute("set referential_integrity true");
				}
			}
			s.executeUpdate("delete from app_user where username <> '" + ADMIN + "'");
		}
	}

}
