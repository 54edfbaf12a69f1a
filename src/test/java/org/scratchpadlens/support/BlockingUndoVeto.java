package org.scratchpadlens.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.scratchpadlens.ingest.job.ImportUndoVeto;
import org.springframework.stereotype.Component;

/**
 * A veto tests can arm, standing in for the labels that will block an undo. A component
 * of every test context (found by the app's component scan), so that it costs no context
 * of its own.
 */
@Component
public class BlockingUndoVeto implements ImportUndoVeto {

	private final Map<Long, String> blocked = new ConcurrentHashMap<>();

	public void block(long job, String why) {
		blocked.put(job, why);
	}

	public void clear() {
		blocked.clear();
	}

	@Override
	public List<String> blockers(long importJobId) {
		return blocked.containsKey(importJobId) ? List.of(blocked.get(importJobId)) : List.of();
	}

}
