package org.scratchpadlens.agreement.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.scratchpadlens.agreement.AgreementCalculator;
import org.scratchpadlens.agreement.AgreementReport;
import org.scratchpadlens.agreement.CategorySet;
import org.scratchpadlens.agreement.MalformedTableException;
import org.scratchpadlens.agreement.MeasurementLevel;
import org.scratchpadlens.agreement.RatingTable;
import org.scratchpadlens.cli.OptionSyntax;

/**
 * {@code agreement FILE.csv [options]}: reads a ratings table and prints one JSON object
 * with every statistic. No Spring context, no database. Standard output carries only the
 * JSON so it can be piped into jq or a notebook; everything meant for a human goes to
 * standard error.
 */
public final class AgreementCommand {

	static final int OK = 0;

	static final int USAGE = 2;

	static final String USAGE_TEXT = """
			usage: agreement FILE.csv [--level=nominal|ordinal|interval|ratio] [--categories=a,b,...]
			                          [--bootstrap=N] [--seed=S]
			  FILE.csv      header 'item,<rater ids>', one row per item, empty cell = missing rating
			  --level       level of measurement for Krippendorff's alpha (default nominal)
			  --categories  the rubric's categories in order (default: numeric order if all codes are numbers,
			                else alphabetical); unused categories matter for AC1 and the weighted kappas;
			                numbers match by value (1 = 1.0), text matches exactly
			  --bootstrap   resamples for alpha's confidence interval (default %d; 0 = no interval)
			  --seed        seed for those resamples (default %d)
			""".formatted(AgreementCalculator.DEFAULT_BOOTSTRAP_SAMPLES, AgreementCalculator.DEFAULT_SEED);

	private AgreementCommand() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (OptionSyntax.asksForHelp(args)) {
			out.print(USAGE_TEXT);
			return OK;
		}
		Options options;
		try {
			options = Options.parse(OptionSyntax.joined(args, VALUE_FORMS.keySet()));
		}
		catch (IllegalArgumentException ex) {
			err.println("agreement: " + ex.getMessage());
			err.print(USAGE_TEXT);
			return USAGE;
		}
		Path file = options.file();
		RatingTable table;
		try {
			if (Files.isDirectory(file)) {
				err.println("agreement: cannot read " + file + ": it is a directory");
				return USAGE;
			}
			table = RatingTable.readCsv(file);
		}
		catch (NoSuchFileException ex) {
			err.println("agreement: cannot read " + file + ": no such file");
			return USAGE;
		}
		catch (IOException ex) {
			err.println("agreement: cannot read " + file + ": " + ex.getMessage());
			return USAGE;
		}
		catch (MalformedTableException ex) {
			err.println("agreement: " + file + ": " + ex.getMessage());
			return USAGE;
		}
		AgreementReport report;
		try {
			report = AgreementCalculator.compute(table, options.level(), options.categories(), options.bootstrap(),
					options.seed());
		}
		catch (IllegalArgumentException ex) {
			err.println("agreement: " + file + ": " + ex.getMessage());
			return USAGE;
		}
		err.printf("agreement: %s: %d items x %d raters, %d pairable, %d dropped from Cohen/Fleiss as incomplete%n",
				file, report.items(), report.raters(), report.pairableItems(), report.droppedIncompleteItems());
		if (orderIsAGuess(report)) {
			err.println("agreement: categories inferred in alphabetical order ("
					+ String.join(", ", report.categories())
					+ "); weighted kappas and ordinal alpha depend on that order: pass --categories in the rubric's order");
		}
		out.println(ReportJson.write(report));
		out.flush();
		return OK;
	}

	/**
	 * True when the result depends on an order nobody chose: categories inferred from
	 * labels (so sorted alphabetically) and used where order matters, by alpha at a level
	 * other than nominal or by the weighted kappas (reported for exactly two raters).
	 */
	static boolean orderIsAGuess(AgreementReport report) {
		if (report.categoriesDeclared() || report.categories().isEmpty()
				|| CategorySet.of(report.categories()).numeric()) {
			return false;
		}
		return report.level() != MeasurementLevel.NOMINAL || report.raters() == 2;
	}

	/** Options that take a value ({@code --level=ordinal} or {@code --level ordinal}). */
	private static final Map<String, String> VALUE_FORMS = Map.of("--level", "nominal|ordinal|interval|ratio",
			"--categories", "a,b,...", "--bootstrap", "N", "--seed", "S");

	record Options(Path file, MeasurementLevel level, CategorySet categories, int bootstrap, long seed) {

		static Options parse(String[] args) {
			Path file = null;
			MeasurementLevel level = MeasurementLevel.NOMINAL;
			CategorySet categories = null;
			int bootstrap = AgreementCalculator.DEFAULT_BOOTSTRAP_SAMPLES;
			long seed = AgreementCalculator.DEFAULT_SEED;
			for (int a = 0; a < args.length; a++) {
				String arg = args[a];
				if (arg.startsWith("--level=")) {
					level = MeasurementLevel.parse(value(arg));
				}
				else if (arg.startsWith("--categories=")) {
					categories = CategorySet.of(Arrays.asList(value(arg).split(",", -1)));
				}
				else if (arg.startsWith("--bootstrap=")) {
					bootstrap = parseInt(arg);
					if (bootstrap < 0) {
						throw new IllegalArgumentException("--bootstrap must be 0 or more");
					}
				}
				else if (arg.startsWith("--seed=")) {
					try {
						seed = Long.parseLong(value(arg));
					}
					catch (NumberFormatException ex) {
						throw new IllegalArgumentException("--seed needs an integer, got '" + value(arg) + "'");
					}
				}
				else if (arg.startsWith("-") && !arg.equals("-")) {
					throw new IllegalArgumentException("unknown option '" + arg + "'");
				}
				else if (file != null) {
					throw new IllegalArgumentException("more than one file given ('" + file + "', '" + arg + "')");
				}
				else {
					file = Path.of(arg);
				}
			}
			if (file == null) {
				throw new IllegalArgumentException("no ratings file given");
			}
			return new Options(file, level, categories, bootstrap, seed);
		}

		private static String value(String arg) {
			return arg.substring(arg.indexOf('=') + 1);
		}

		private static int parseInt(String arg) {
			try {
				return Integer.parseInt(value(arg));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						arg.substring(0, arg.indexOf('=')) + " needs an integer, got '" + value(arg) + "'");
			}
		}

	}

}
