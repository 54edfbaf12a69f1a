package org.scratchpadlens.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The option syntax every command shares: {@code --name=value} and {@code --name value}
 * mean the same, and {@code --help} or {@code -h} asks for the command's help (printed on
 * standard output, exit 0). Plain Java, so the statistics command can use it without
 * Spring.
 */
public final class OptionSyntax {

	private OptionSyntax() {
	}

	/**
	 * The arguments with every {@code --name value} (for a name in {@code takesValue})
	 * written as {@code --name=value}, so that parsers read one form.
	 * @throws IllegalArgumentException when such an option ends the line without its
	 * value
	 */
	public static String[] joined(String[] args, Set<String> takesValue) {
		List<String> out = new ArrayList<>(args.length);
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (takesValue.contains(arg)) {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException(arg + " needs a value: " + arg + "=VALUE or " + arg + " VALUE");
				}
				out.add(arg + "=" + args[++i]);
			}
			else {
				out.add(arg);
			}
		}
		return out.toArray(String[]::new);
	}

	public static boolean asksForHelp(String[] args) {
		for (String arg : args) {
			if (isHelp(arg)) {
				return true;
			}
		}
		return false;
	}

	public static boolean isHelp(String arg) {
		return arg.equals("--help") || arg.equals("-h");
	}

}
