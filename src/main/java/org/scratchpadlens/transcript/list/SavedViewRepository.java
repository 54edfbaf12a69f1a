package org.scratchpadlens.transcript.list;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SavedViewRepository extends JpaRepository<SavedViewEntity, Long> {

	List<SavedViewEntity> findByOwnerOrderByNameAsc(String owner);

	Optional<SavedViewEntity> findByOwnerAndName(String owner, String name);

}
