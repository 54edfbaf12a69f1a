package org.scratchpadlens.transcript.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Text search on embedded H2: a Lucene index in a folder beside the database file (or in
 * memory for an in-memory or remote database), one document per transcript with every
 * message's text; words are what Lucene's standard tokenizer finds, lower-cased, none
 * dropped. Transcripts no longer current are removed when the search catches up.
 */
class LuceneTextSearch implements TextSearch, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LuceneTextSearch.class);

	private static final String ID = "id";

	private static final String TEXT = "text";

	private static final String STORE = "store";

	private final JdbcClient jdbc;

	private final Analyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET);

	private final Path folder;

	private final Set<Long> indexed = new HashSet<>();

	/**
	 * Opened on first use, so that a command-line import (which never searches) leaves no
	 * index behind.
	 */
	private Directory directory;

	private IndexWriter writer;

	private SearcherManager searchers;

	LuceneTextSearch(JdbcClient jdbc, Path folder) {
		this.jdbc = jdbc;
		this.folder = folder;
	}

	private synchronized SearcherManager open() {
		if (searchers != null) {
			return searchers;
		}
		try {
			Directory dir = folder == null ? new ByteBuffersDirectory() : FSDirectory.open(folder);
			IndexWriter w;
			try {
				w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64));
			}
			catch (LockObtainFailedException ex) {
				// another app on the same database files holds it: keep a private one
				log.warn("The search index {} is in use by another process; this one keeps its own in memory.", folder);
				dir.close();
				dir = new ByteBuffersDirectory();
				w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64));
			}
			forgetAnotherStore(w);
			this.directory = dir;
			this.writer = w;
			this.searchers = new SearcherManager(writer, null);
			readIndexedIds();
			return searchers;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the search index at " + folder, ex);
		}
	}

	/**
	 * An index left by an earlier database at the same path (its files deleted, a new one
	 * created) holds other transcripts under the same ids: it is emptied. A store is
	 * known by when its first migration ran.
	 */
	private void forgetAnotherStore(IndexWriter w) throws IOException {
		String store = jdbc
			.sql("select cast(\"installed_on\" as varchar(64)) from \"flyway_schema_history\" "
					+ "where \"version\" = '1'")
			.query(String.class)
			.optional()
			.orElse("unknown");
		String indexed = null;
		Iterable<Map.Entry<String, String>> data = w.getLiveCommitData();
		if (data != null) {
			for (Map.Entry<String, String> e : data) {
				if (e.getKey().equals(STORE)) {
					indexed = e.getValue();
				}
			}
		}
		if (!store.equals(indexed)) {
			if (indexed != null) {
				log.info("The search index at {} belonged to another database; it is rebuilt.", folder);
			}
			w.deleteAll();
			w.setLiveCommitData(Map.of(STORE, store).entrySet());
			w.commit();
		}
	}

	private void readIndexedIds() throws IOException {
		IndexSearcher searcher = searchers.acquire();
		try {
			for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
				NumericDocValues ids = DocValues.getNumeric(leaf.reader(), ID);
				Bits live = leaf.reader().getLiveDocs();
				for (int doc = ids.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
					if (live == null || live.get(doc)) {
						indexed.add(ids.longValue());
					}
				}
			}
		}
		finally {
			searchers.release(searcher);
		}
	}

	@Override
	public long[] matching(SearchQuery query) {
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		for (SearchQuery.Clause clause : query.clauses()) {
			all.add(clauseQuery(clause.text()), BooleanClause.Occur.FILTER);
		}
		List<Long> found = new ArrayList<>();
		SearcherManager searchers = open();
		try {
			searchers.maybeRefresh();
			IndexSearcher searcher = searchers.acquire();
			try {
				searcher.search(all.build(), new SimpleCollector() {

					private NumericDocValues ids;

					@Override
					protected void doSetNextReader(LeafReaderContext context) throws IOException {
						ids = DocValues.getNumeric(context.reader(), ID);
					}

					@Override
					public void collect(int doc) throws IOException {
						if (ids.advanceExact(doc)) {
							found.add(ids.longValue());
						}
					}

					@Override
					public ScoreMode scoreMode() {
						return ScoreMode.COMPLETE_NO_SCORES;
					}
				});
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found.stream().mapToLong(Long::longValue).sorted().toArray();
	}

	private Query clauseQuery(String text) {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (tokens.isEmpty()) {
			return new MatchNoDocsQuery();
		}
		if (tokens.size() == 1) {
			return new TermQuery(new Term(TEXT, tokens.get(0)));
		}
		return new PhraseQuery(TEXT, tokens.toArray(String[]::new));
	}

	@Override
	public synchronized long[] notIndexed(long[] currentIds) {
		open();
		Set<Long> current = new HashSet<>(currentIds.length * 2);
		for (long id : currentIds) {
			current.add(id);
		}
		long[] gone = indexed.stream().filter(id -> !current.contains(id)).mapToLong(Long::longValue).toArray();
		if (gone.length > 0) {
			try {
				writer.deleteDocuments(LongPoint.newSetQuery(ID, gone));
				writer.commit();
				searchers.maybeRefresh();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Arrays.stream(gone).forEach(indexed::remove);
		}
		return Arrays.stream(currentIds).filter(id -> !indexed.contains(id)).toArray();
	}

	@Override
	public synchronized void index(long[] ids) {
		open();
		long[] fresh = Arrays.stream(ids).filter(id -> !indexed.contains(id)).toArray();
		if (fresh.length == 0) {
			return;
		}
		List<Document> documents = new ArrayList<>();
		Document[] current = new Document[1];
		long[] currentId = { Long.MIN_VALUE };
		jdbc.sql("""
				select transcript_id, content from message where transcript_id in (:ids) and content is not null
				order by transcript_id, ordinal""")
			.paramSource(new MapSqlParameterSource("ids", Arrays.stream(fresh).boxed().toList()))
			.query(rs -> {
				long id = rs.getLong(1);
				if (id != currentId[0]) {
					current[0] = document(id);
					documents.add(current[0]);
					currentId[0] = id;
				}
				current[0].add(new TextField(TEXT, rs.getString(2), Field.Store.NO));
			});
		Set<Long> withText = new HashSet<>();
		documents.forEach(d -> withText.add(d.getField(ID).numericValue().longValue()));
		for (long id : fresh) {
			if (!withText.contains(id)) {
				documents.add(document(id)); // no text: found by no search, but known as
												// indexed
			}
		}
		try {
			writer.addDocuments(documents);
			writer.commit();
			searchers.maybeRefresh();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Arrays.stream(fresh).forEach(indexed::add);
	}

	private static Document document(long id) {
		Document d = new Document();
		d.add(new LongPoint(ID, id));
		d.add(new NumericDocValuesField(ID, id));
		return d;
	}

	@Override
	public synchronized void destroy() throws IOException {
		if (searchers != null) {
			searchers.close();
			writer.close();
			directory.close();
		}
	}

}
