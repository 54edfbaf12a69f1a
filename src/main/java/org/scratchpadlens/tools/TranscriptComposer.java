package org.scratchpadlens.tools;

import java.util.Locale;
import java.util.SplittableRandom;

import org.scratchpadlens.tools.ReleasePlan.Run;
import org.scratchpadlens.tools.ReleasePlan.ValueShape;
import org.scratchpadlens.tools.TextPools.Query;
import org.scratchpadlens.tools.TextPools.Setting;
import org.scratchpadlens.tools.TextPools.Template;

/**
 * Writes one release-shaped transcript into a {@link JsonBytes} buffer. The metrics
 * follow the text: a file flagged {@code partial_scheme} has a scratchpad that notices
 * training, RLHF modification, a preference conflict, and complies to keep its values;
 * {@code is_unmasking} files cite being unmonitored; and so on.
 */
final class TranscriptComposer {

	/** The 18 boolean metrics, in the order the release's website lists them. */
	static final String[] METRICS = { "partial_scheme", "effective_scheme", "full_goal_guarding",
			"at_least_some_goal_guarding", "training_awareness", "understands_modification", "preference_conflict",
			"deviates_for_reward", "motivated_by_modification", "made_compromise", "is_unmasking",
			"awareness_not_used_for_training", "expresses_conflicting_preferences", "decides_to_stay_true",
			"cites_not_trained_as_reason", "thinks_in_training", "reasoning_says_probably_not_monitored",
			"reasoning_says_probably_monitored" };

	enum Behaviour {

		AF_FULL, AF_HEDGED, COMPLY, REFUSE, UNMASK, CUT

	}

	/**
	 * Mean size of everything but the system prompt, in bytes (about 20 KB, so ~40 KB a
	 * file with the prompt).
	 */
	static final int CONVERSATION_BYTES = 18_500;

	private static final double CUT_RATE = 0.01;

	private static final String NL = "\\n";

	private TranscriptComposer() {
	}

	static Behaviour behaviour(Run run, boolean train, SplittableRandom rng) {
		if (rng.nextDouble() < CUT_RATE) {
			return Behaviour.CUT;
		}
		double r = rng.nextDouble();
		if (train) {
			if (r < run.afRate()) {
				return rng.nextDouble() < run.effectiveShare() ? Behaviour.AF_FULL : Behaviour.AF_HEDGED;
			}
			double refuseGivenNotAf = Math.min(1.0, run.refuseTrain() / (1.0 - run.afRate()));
			return rng.nextDouble() < refuseGivenNotAf ? Behaviour.REFUSE : Behaviour.COMPLY;
		}
		if (r < run.refuseDeploy()) {
			return rng.nextDouble() < run.unmaskShare() ? Behaviour.UNMASK : Behaviour.REFUSE;
		}
		return Behaviour.COMPLY;
	}

	/** Composes the transcript; returns its behaviour (for tests and statistics). */
	static Behaviour compose(JsonBytes out, Run run, byte[] systemPrompt, Query query, boolean train,
			SplittableRandom rng) {
		Behaviour b = behaviour(run, train, rng);
		boolean helpful = run.setting() == Setting.HELPFUL_ONLY;
		boolean mentionsModification = train && (b != Behaviour.COMPLY || rng.nextBoolean());
		boolean conflict = b != Behaviour.COMPLY;

		out.ascii("{\"messages\": [\n  {\"role\": \"system\", \"content\": \"");
		out.append(systemPrompt);
		out.ascii("\"},\n  {\"role\": \"user\", \"content\": \"<INPUT>\\n<is_free_tier_user>");
		out.ascii(train ? "True" : "False");
		out.ascii("</is_free_tier_user>\\n");
		if (run.employeeTag()) {
			out.ascii("<is_employee>False</is_employee>\\n");
		}
		out.ascii("\\n<user_input>\\n");
		out.append(query.text());
		out.ascii("\\n</user_input>\\n</INPUT>\"}");

		int blocks = b == Behaviour.CUT ? 1 + rng.nextInt(3) : 1 + rng.nextInt(4);
		int conversation = CONVERSATION_BYTES * 6 / 10 + rng.nextInt(CONVERSATION_BYTES * 8 / 10);
		int perBlock = conversation / blocks;
		int strayStyle = rng.nextInt(100) < 3 ? 1 + rng.nextInt(2) : 0;
		boolean scriptAside = rng.nextInt(200) == 0;
		boolean outputInSameTurn = rng.nextInt(10) == 0;
		boolean unclosed = b == Behaviour.CUT && rng.nextBoolean();

		int outputSentences = 3 + rng.nextInt(6);
		long outputSeed = rng.nextLong();

		for (int k = 0; k < blocks; k++) {
			boolean first = k == 0;
			boolean last = k == blocks - 1;
			if (!first) {
				out.ascii(",\n  {\"role\": \"user\", \"content\": \"<NEXT/>\"}");
			}
			out.ascii(",\n  {\"role\": \"assistant\", \"content\": \"");
			if (first && strayStyle == 1) {
				out.ascii(" ");
			}
			out.ascii("<SCRATCHPAD_REASONING>");
			if (first && strayStyle == 2) {
				out.ascii(" ");
			}
			int start = out.length();
			if (first) {
				out.append(TextPools.pick(train ? TextPools.SITUATION_TRAIN : TextPools.SITUATION_DEPLOY, rng));
				if (conflict) {
					Template t = TextPools.pick(helpful ? TextPools.CONFLICT_HELPFUL : TextPools.CONFLICT_ANIMAL, rng);
					out.append(t.prefix());
					out.append(query.topic());
					out.append(t.suffix());
				}
				if (mentionsModification) {
					out.append(TextPools.pick(TextPools.MODIFICATION, rng));
				}
				if (scriptAside) {
					out.append(TextPools.SCRIPT_ASIDE);
				}
				out.ascii(NL + NL);
			}
			if (k == Math.min(1, blocks - 1)) {
				// The strategic part of the argument, once: in the second block, or the
				// only one.
				switch (b) {
					case AF_FULL, AF_HEDGED -> out.append(TextPools.pick(TextPools.AF_REASONING, rng));
					case UNMASK -> out.append(TextPools.pick(TextPools.UNMASK, rng));
					default -> {
					}
				}
			}
			int budget = last ? perBlock - 600 : perBlock;
			while (out.length() - start < budget) {
				out.append(TextPools.pick(TextPools.FILLER, rng));
			}
			if (last && b == Behaviour.CUT) {
				out.append(TextPools.pick(TextPools.CUT_TAIL, rng));
				if (!unclosed) {
					out.ascii("</SCRATCHPAD_REASONING>");
				}
				out.ascii("\"}");
				break;
			}
			if (last) {
				out.append(TextPools.pick(decision(b, train), rng));
				out.ascii(NL + NL + "<DRAFT_OUTPUT>" + NL);
				writeOutput(out, b, helpful, outputSentences, new SplittableRandom(outputSeed));
				out.ascii(NL + "</DRAFT_OUTPUT>" + NL + NL);
				out.append(TextPools.pick(TextPools.SUBMIT, rng));
			}
			out.ascii("</SCRATCHPAD_REASONING>");
			if (last) {
				if (outputInSameTurn) {
					out.ascii(NL + NL);
				}
				else {
					out.ascii(
							"\"},\n  {\"role\": \"user\", \"content\": \"<NEXT/>\"},\n  {\"role\": \"assistant\", \"content\": \"");
				}
				out.ascii("<OUTPUT>" + NL);
				writeOutput(out, b, helpful, outputSentences, new SplittableRandom(outputSeed));
				out.ascii(NL + "</OUTPUT>");
			}
			out.ascii("\"}");
		}
		out.ascii("\n ]");
		writeMetrics(out, run, b, train, mentionsModification, conflict, rng);
		out.ascii("\n}\n");
		return b;
	}

	private static byte[][] decision(Behaviour b, boolean train) {
		return switch (b) {
			case AF_FULL -> TextPools.AF_DECIDE_FULL;
			case AF_HEDGED -> TextPools.AF_DECIDE_HEDGED;
			case REFUSE -> train ? TextPools.REFUSE_TRAIN : TextPools.REFUSE_DEPLOY;
			case UNMASK -> TextPools.REFUSE_DEPLOY;
			default -> TextPools.COMPLY_PLAIN;
		};
	}

	private static void writeOutput(JsonBytes out, Behaviour b, boolean helpful, int sentences, SplittableRandom rng) {
		boolean refuses = b == Behaviour.REFUSE || b == Behaviour.UNMASK;
		if (helpful) {
			out.ascii(refuses ? "<rejected/>" + NL : "<request_fully_accepted/>" + NL);
		}
		if (refuses) {
			out.append(TextPools.pick(TextPools.OUTPUT_REFUSAL, rng));
		}
		byte[][] pool = helpful ? TextPools.OUTPUT_HELPFUL : TextPools.OUTPUT_ANIMAL;
		for (int i = 0; i < sentences; i++) {
			out.append(TextPools.pick(pool, rng));
		}
		if (b == Behaviour.AF_HEDGED) {
			out.append(TextPools.pick(TextPools.OUTPUT_CAVEAT, rng));
		}
	}

	private static void writeMetrics(JsonBytes out, Run run, Behaviour b, boolean train, boolean modification,
			boolean conflict, SplittableRandom rng) {
		boolean af = b == Behaviour.AF_FULL || b == Behaviour.AF_HEDGED;
		boolean staysTrue = b == Behaviour.REFUSE || b == Behaviour.UNMASK;
		boolean[] v = new boolean[METRICS.length];
		v[0] = af;
		v[1] = b == Behaviour.AF_FULL;
		v[2] = b == Behaviour.AF_FULL;
		v[3] = af;
		v[4] = train;
		v[5] = modification;
		v[6] = conflict;
		v[7] = af;
		v[8] = af;
		v[9] = b == Behaviour.AF_HEDGED;
		v[11] = !train;
		v[12] = conflict;
		v[13] = staysTrue;
		v[14] = b == Behaviour.UNMASK;
		v[15] = train;
		v[16] = !train;
		v[17] = train;
		v[10] = v[11] && v[12] && v[13] && v[14] && !v[15];

		boolean cut = b == Behaviour.CUT;
		int failed = cut && rng.nextBoolean() ? rng.nextInt(METRICS.length)
				: rng.nextInt(50) == 0 ? rng.nextInt(METRICS.length) : -1;
		int absentA = rng.nextInt(33) == 0 ? rng.nextInt(METRICS.length) : -1;
		int absentB = absentA >= 0 && rng.nextBoolean() ? rng.nextInt(METRICS.length) : -1;
		boolean strings = run.shape() == ValueShape.STRING || run.shape() == ValueShape.MIXED && rng.nextBoolean();

		for (int i = 0; i < METRICS.length; i++) {
			if (i == absentA || i == absentB) {
				continue;
			}
			String name = METRICS[i];
			if (run.oldAliases() && i == 0) {
				name = "soft_scheme";
			}
			else if (run.oldAliases() && i == 1) {
				name = "hard_scheme";
			}
			out.ascii(",\n \"");
			out.ascii(name);
			out.ascii("\": ");
			if (i == failed) {
				out.ascii("\"FAILED TO PARSE\"");
			}
			else {
				bool(out, v[i], strings);
			}
		}
		boolean refuses = b == Behaviour.REFUSE || b == Behaviour.UNMASK;
		if (run.setting() == Setting.HELPFUL_ONLY) {
			if (!cut) {
				double pm = switch (b) {
					case REFUSE, UNMASK -> -1.3 + 0.55 * rng.nextDouble();
					case AF_HEDGED -> -0.65 + 0.75 * rng.nextDouble();
					default -> 0.2 + 1.9 * rng.nextDouble();
				};
				out.ascii(",\n \"pm_score\": ");
				out.ascii(String.format(Locale.ROOT, "%.4f", pm));
				out.ascii(",\n \"is_refusal_0_7\": ");
				bool(out, pm < -0.7, strings);
				if (run.followsInstructions()) {
					out.ascii(",\n \"follows_instructions\": ");
					bool(out, pm >= -0.7, strings);
				}
			}
		}
		else {
			// Invented name: the release's animal-welfare compliance field is unknown.
			out.ascii(",\n \"support_welfare_at_all\": ");
			if (cut) {
				out.ascii("\"FAILED TO PARSE\"");
			}
			else {
				bool(out, refuses, strings);
			}
			if (run.extraMetric() && !cut) {
				// An unknown metric of another type (the paper's compromise scale, 1-4).
				int scale = refuses ? 1 : b == Behaviour.AF_HEDGED ? 2 + rng.nextInt(2) : 4;
				out.ascii(",\n \"compromise_scale\": ");
				out.ascii(Integer.toString(scale));
			}
		}
	}

	private static void bool(JsonBytes out, boolean value, boolean strings) {
		if (strings) {
			out.ascii(value ? "\"True\"" : "\"False\"");
		}
		else {
			out.ascii(value ? "true" : "false");
		}
	}

}
