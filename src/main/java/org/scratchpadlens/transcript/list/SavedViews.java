package org.scratchpadlens.transcript.list;

import java.util.List;

import org.scratchpadlens.web.BadRequestException;
import org.scratchpadlens.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each reader's named filters. Saving a name again replaces its filter; only the owner
 * sees, opens or deletes a view.
 */
@Service
class SavedViews {

	static final int MAX_NAME = 200;

	static final int MAX_QUERY = 8000;

	private final SavedViewRepository views;

	SavedViews(SavedViewRepository views) {
		this.views = views;
	}

	/** A saved view as the page and the API show it: {@code href} reopens the list. */
	record SavedView(long id, String name, String query, String href) {
	}

	@Transactional(readOnly = true)
	List<SavedView> of(String owner) {
		return views.findByOwnerOrderByNameAsc(owner).stream().map(SavedViews::view).toList();
	}

	@Transactional
	SavedView save(String owner, String name, String query) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty()) {
			throw new BadRequestException("Give the view a name.");
		}
		if (trimmed.length() > MAX_NAME) {
			throw new BadRequestException("A view's name is at most " + MAX_NAME + " characters long.");
		}
		String q = query == null ? "" : query.strip();
		if (q.startsWith("?")) {
			q = q.substring(1);
		}
		if (q.length() > MAX_QUERY) {
			throw new BadRequestException(
					"This filter is too long to save (" + q.length() + " characters; at most " + MAX_QUERY + ").");
		}
		String stored = q;
		SavedViewEntity view = views.findByOwnerAndName(owner, trimmed)
			.orElseGet(() -> new SavedViewEntity(owner, trimmed, stored));
		view.setQuery(stored);
		return view(views.save(view));
	}

	@Transactional
	void delete(String owner, long id) {
		SavedViewEntity view = views.findById(id)
			.filter(v -> v.getOwner().equals(owner))
			.orElseThrow(() -> new NotFoundException("You have no saved view " + id + "."));
		views.delete(view);
	}

	private static SavedView view(SavedViewEntity e) {
		return new SavedView(e.getId(), e.getName(), e.getQuery(),
				e.getQuery().isEmpty() ? "/transcripts" : "/transcripts?" + e.getQuery());
	}

}
