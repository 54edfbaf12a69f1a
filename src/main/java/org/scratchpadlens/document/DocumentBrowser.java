package org.scratchpadlens.document;

import java.util.List;

import org.scratchpadlens.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The document list as both the page and the API show it: one page of documents, the
 * total and the counts for the filter panel.
 */
@Service
class DocumentBrowser {

	private final DocumentQueries documents;

	DocumentBrowser(DocumentQueries documents) {
		this.documents = documents;
	}

	/** A page of the list and the facet counts, {@code path} being where links point. */
	record Result(DocumentList list, DocumentFacets facets) {
	}

	Result list(DocumentFilter filter, String path, String nextPrefix) {
		DocumentFacets facets = DocumentFacets.of(documents.combinations(filter), filter, path);
		List<DocumentListItem> items = filter.offset() < facets.total() ? documents.page(filter) : List.of();
		String next = filter.offset() + items.size() < facets.total()
				? nextPrefix + filter.withPage(filter.page() + 1).link(path) : null;
		return new Result(new DocumentList(facets.total(), items, next), facets);
	}

	DocumentDetail document(long id) {
		return documents.find(id).orElseThrow(() -> new NotFoundException("There is no document " + id + "."));
	}

}
