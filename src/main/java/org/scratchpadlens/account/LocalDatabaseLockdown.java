package org.scratchpadlens.account;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 database to this machine and its owner. The default URL ends in
 * {@code AUTO_SERVER=TRUE} (so that the import command can write while the app runs): H2
 * then opens a TCP server on every network interface, and writes the address and the key
 * that opens it into a lock file beside the database, readable by anyone the umask lets
 * in. So, before any bean touches the database (a bean factory post-processor runs before
 * the other beans are created, in the web app and in the {@code import} command alike):
 * <ul>
 * <li>H2 listens on 127.0.0.1 only ({@code h2.bindAddress}, read once when H2 loads; an
 * explicit {@code -Dh2.bindAddress} wins);</li>
 * <li>the folder of an H2 file URL ({@code ./data} by default) is made readable by its
 * owner only (POSIX 700), and created so when missing. A database directly in the working
 * directory, the home directory or one above them is left alone: that folder is not the
 * database's own.</li>
 * </ul>
 */
@Component
class LocalDatabaseLockdown implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

	static final String BIND_ADDRESS = "h2.bindAddress";

	static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

	private static final Logger log = LoggerFactory.getLogger(LocalDatabaseLockdown.class);

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		bindH2ToThisMachine();
		folderOf(environment.getProperty("spring.datasource.url")).ifPresent(LocalDatabaseLockdown::ownerOnly);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	static void bindH2ToThisMachine() {
		if (System.getProperty(BIND_ADDRESS) == null) {
			System.setProperty(BIND_ADDRESS, "127.0.0.1");
		}
	}

	/**
	 * The folder that holds the files of an H2 file database
	 * ({@code jdbc:h2:file:./data/x} or {@code jdbc:h2:./data/x}); none for other
	 * databases, in-memory H2 or an H2 server URL.
	 */
	static Optional<Path> folderOf(String url) {
		if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
			return Optional.empty();
		}
		String name = url.substring(8);
		int settings = name.indexOf(';');
		if (settings >= 0) {
			name = name.substring(0, settings);
		}
		if (name.startsWith("file:")) {
			name = name.substring(5);
		}
		else if (name.matches("[A-Za-z]{2,}:.*")) {
			// mem:, tcp:, ssl:, zip:, nio:... (a single letter is a Windows drive)
			return Optional.empty();
		}
		if (name.startsWith("~")) {
			name = System.getProperty("user.home") + name.substring(1);
		}
		if (name.isBlank()) {
			return Optional.empty();
		}
		return Optional.ofNullable(Path.of(name).toAbsolutePath().normalize().getParent());
	}

	static void ownerOnly(Path folder) {
		if (sharedFolder(folder)) {
			log.info("The H2 database lies directly in {}, which is left as it is; put it in a folder of its own "
					+ "(as ./data/ by default) to keep it private", folder);
			return;
		}
		try {
			if (!Files.isDirectory(folder)) {
				Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			Set<PosixFilePermission> before = Files.getPosixFilePermissions(folder);
			if (!before.equals(OWNER_ONLY)) {
				Files.setPosixFilePermissions(folder, OWNER_ONLY);
				log.info("The database folder {} is now readable by its owner only (it was {})", folder,
						PosixFilePermissions.toString(before));
			}
		}
		catch (UnsupportedOperationException e) {
			// not a POSIX file system (Windows): the folder keeps the access its parent
			// gives
		}
		catch (IOException e) {
			log.warn("Could not make the database folder {} readable by its owner only: {}", folder, e.toString());
		}
	}

	/**
	 * The working directory, the home directory, or a folder above them: not the
	 * database's own.
	 */
	private static boolean sharedFolder(Path folder) {
		Path working = Path.of("").toAbsolutePath().normalize();
		Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
		return folder.getParent() == null || working.startsWith(folder) || home.startsWith(folder);
	}

}
