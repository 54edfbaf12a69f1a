package org.scratchpadlens.transcript.list;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named filter of one reader's, stored as the list's query string. */
@Entity
@Table(name = "saved_view")
class SavedViewEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String owner;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String query;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected SavedViewEntity() {
	}

	SavedViewEntity(String owner, String name, String query) {
		this.owner = owner;
		this.name = name;
		this.query = query;
		this.createdAt = Instant.now();
	}

	Long getId() {
		return id;
	}

	String getOwner() {
		return owner;
	}

	String getName() {
		return name;
	}

	String getQuery() {
		return query;
	}

	void setQuery(String query) {
		this.query = query;
	}

}
