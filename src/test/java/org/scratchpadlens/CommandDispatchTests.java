package org.scratchpadlens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A typo or a request for help must never start a web server on port 8080. */
class CommandDispatchTests {

	@ParameterizedTest
	@CsvSource(textBlock = """
			help,   0, usage:, ''
			--help, 0, usage:, ''
			-h,     0, usage:, ''
			frobnicate, 2, '', unknown command 'frobnicate'
			improt, 2, '', usage:
			""")
	void answersHelpAndUnknownCommandsWithUsage(String command, int exit, String inOut, String inErr) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int code = Commands.dispatch(ScratchpadLensApplication.class, command, new String[0],
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(code).isEqualTo(exit);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains(inOut);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains(inErr);
	}

}
