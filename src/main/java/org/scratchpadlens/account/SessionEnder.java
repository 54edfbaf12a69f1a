package org.scratchpadlens.account;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends a person's open login sessions by deleting their rows from the session tables
 * (Spring Session indexes each session by the username logged in with it). On every
 * instance of the app at once, since they share the tables. Outside the web app (the
 * import command) there are no sessions, and nothing to end.
 */
@Component
class SessionEnder {

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	SessionEnder(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.sessions = sessions;
	}

	/** Ends every session of this person but the ones named; returns how many ended. */
	int end(String username, Set<String> keep) {
		FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
		if (repository == null) {
			return 0;
		}
		int ended = 0;
		for (String id : repository.findByPrincipalName(username).keySet()) {
			if (!keep.contains(id)) {
				repository.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

	int endAll(String username) {
		return end(username, Set.of());
	}

}
