package org.scratchpadlens.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which folder an H2 URL stores its files in, and how it is closed to other users (the
 * packaged jar is checked end to end by {@link LocalDatabaseLockdownIT}).
 */
class LocalDatabaseLockdownTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:h2:file:./data/scratchpad;AUTO_SERVER=TRUE | data
			jdbc:h2:./data/scratchpad                       | data
			jdbc:h2:file:./elsewhere/deeper/db              | elsewhere/deeper
			""")
	void theFolderOfAFileUrlIsTheDatabaseFilesFolder(String url, String folder) {
		assertThat(LocalDatabaseLockdown.folderOf(url)).contains(Path.of(folder).toAbsolutePath().normalize());
	}

	@Test
	void homeAndAbsolutePathsAreResolved() {
		assertThat(LocalDatabaseLockdown.folderOf("jdbc:h2:~/lens/db"))
			.contains(Path.of(System.getProperty("user.home"), "lens").toAbsolutePath().normalize());
		assertThat(LocalDatabaseLockdown.folderOf("jdbc:h2:file:" + dir.resolve("store/db") + ";MODE=PostgreSQL"))
			.contains(dir.resolve("store"));
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			jdbc:h2:mem:test;DB_CLOSE_DELAY=-1
			jdbc:h2:tcp://localhost/~/scratchpad
			jdbc:postgresql://localhost:5432/scratchpad
			''
			""")
	void otherUrlsHaveNoFolder(String url) {
		assertThat(LocalDatabaseLockdown.folderOf(url)).isEmpty();
	}

	@Test
	void anExistingFolderBecomesReadableByItsOwnerOnly() throws Exception {
		Path data = Files.createDirectory(dir.resolve("data"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		Files.writeString(data.resolve("scratchpad.lock.db"), "server=0.0.0.0:9092");

		LocalDatabaseLockdown.ownerOnly(data);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
	}

	@Test
	void aMissingFolderIsCreatedReadableByItsOwnerOnly() throws Exception {
		Path data = dir.resolve("new/data");

		LocalDatabaseLockdown.ownerOnly(data);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
	}

	@Test
	void theWorkingDirectoryIsLeftAlone() throws Exception {
		Path working = Path.of("").toAbsolutePath();
		String before = PosixFilePermissions.toString(Files.getPosixFilePermissions(working));

		LocalDatabaseLockdown.ownerOnly(working);
		LocalDatabaseLockdown.ownerOnly(working.getParent());

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(working))).isEqualTo(before);
	}

	@Test
	void h2IsBoundToThisMachineUnlessTheCommandLineSaysOtherwise() {
		String before = System.getProperty(LocalDatabaseLockdown.BIND_ADDRESS);
		try {
			System.clearProperty(LocalDatabaseLockdown.BIND_ADDRESS);
			LocalDatabaseLockdown.bindH2ToThisMachine();
			assertThat(System.getProperty(LocalDatabaseLockdown.BIND_ADDRESS)).isEqualTo("127.0.0.1");

			System.setProperty(LocalDatabaseLockdown.BIND_ADDRESS, "10.0.0.5");
			LocalDatabaseLockdown.bindH2ToThisMachine();
			assertThat(System.getProperty(LocalDatabaseLockdown.BIND_ADDRESS)).isEqualTo("10.0.0.5");
		}
		finally {
			if (before == null) {
				System.clearProperty(LocalDatabaseLockdown.BIND_ADDRESS);
			}
			else {
				System.setProperty(LocalDatabaseLockdown.BIND_ADDRESS, before);
			}
		}
	}

}
