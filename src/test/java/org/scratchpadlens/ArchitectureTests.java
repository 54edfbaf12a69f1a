package org.scratchpadlens;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import jakarta.persistence.Entity;

/** The package rules of the design card, kept true by the build rather than by memory. */
@AnalyzeClasses(packages = "org.scratchpadlens", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/**
	 * Statistics are plain Java: usable from the command line without a Spring context,
	 * and testable alone. Their pages and API ({@code agreement.web}) are the one Spring
	 * part, which the engine does not see.
	 */
	@ArchTest
	static final ArchRule statisticsHaveNoSpring = noClasses().that()
		.resideInAPackage("..agreement..")
		.and()
		.resideOutsideOfPackage("..agreement.web..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "jakarta.persistence..", "..ingest..", "..transcript..",
				"..account..");

	/** Entities stay inside their feature; other features see records and services. */
	@ArchTest
	static final ArchRule entitiesAreNotPublic = classes().that().areAnnotatedWith(Entity.class).should().notBePublic();

	/**
	 * The parsing layer knows nothing of the database or the web: it can be tested and
	 * benchmarked alone.
	 */
	@ArchTest
	static final ArchRule parsingIsIndependent = noClasses().that()
		.resideInAnyPackage("..ingest.parse..", "..ingest.source..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..");

	/** Controllers stay thin and package-private, as in the features they belong to. */
	@ArchTest
	static final ArchRule controllersArePackagePrivate = classes().that()
		.areAnnotatedWith(org.springframework.stereotype.Controller.class)
		.or()
		.areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
		.should()
		.notBePublic();

	/**
	 * No two packages depend on each other, directly or around a loop: each can be read,
	 * tested and moved knowing only what it uses. Every package is a slice of its own
	 * (ingest and ingest.job are two).
	 */
	@ArchTest
	static final ArchRule noCyclesBetweenPackages = slices().matching("org.scratchpadlens.(**)")
		.should()
		.beFreeOfCycles();

	/** The tools (generator, parse baseline) are not part of the import pipeline. */
	@ArchTest
	static final ArchRule pipelineDoesNotUseTools = noClasses().that()
		.resideInAPackage("..ingest..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.scratchpadlens.tools..");

}
