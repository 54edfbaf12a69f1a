package org.scratchpadlens.ingest.web;

import org.scratchpadlens.ingest.ImportDefaults;
import org.scratchpadlens.ingest.ImportRequest;
import org.scratchpadlens.ingest.ImportService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.multipart.MultipartFile;

import jakarta.annotation.PreDestroy;

/**
 * Uploads are saved under the data folder with the names people gave them (so path rules
 * and reports make sense), imported on a background thread one job at a time, and deleted
 * afterwards. The page polls the job's counters.
 */
@Service
public class UploadImports {

	private static final Logger log = LoggerFactory.getLogger(UploadImports.class);

	private final ImportService imports;

	private final Path uploadRoot;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "upload-import");
		t.setDaemon(true);
		return t;
	});

	private final Map<Long, Long> totals = new ConcurrentHashMap<>();

	UploadImports(ImportService imports, @Value("${scratchpad.upload-dir:data/uploads}") Path uploadRoot) {
		this.imports = imports;
		this.uploadRoot = uploadRoot;
	}

	/** Saves the files and starts the import; returns the job id at once. */
	public long start(List<MultipartFile> files, ImportDefaults defaults, String user) {
		Path dir = uploadRoot.resolve(UUID.randomUUID().toString());
		List<Path> paths = new ArrayList<>();
		List<String> names = new ArrayList<>();
		try {
			Files.createDirectories(dir);
			for (MultipartFile f : files) {
				if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank())) {
					continue;
				}
				String name = safeName(f.getOriginalFilename());
				Path sub = Files.createDirectories(dir.resolve(String.valueOf(paths.size())));
				Path target = sub.resolve(name);
				try (InputStream in = f.getInputStream()) {
					Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
				}
				paths.add(target);
				names.add(name);
			}
		}
		catch (IOException e) {
			FileSystemUtils.deleteRecursively(dir.toFile());
			throw new UncheckedIOException("could not save the upload", e);
		}
		if (paths.isEmpty()) {
			FileSystemUtils.deleteRecursively(dir.toFile());
			throw new IllegalArgumentException("choose at least one file");
		}
		ImportRequest request = new ImportRequest(paths, "upload", user, defaults, names);
		long jobId = imports.createJob(request);
		totals.put(jobId, -1L);
		executor.submit(() -> {
			try {
				// the import counts the files once for its own progress; the page reads
				// that total
				imports.run(jobId, request, (done, total) -> totals.put(jobId, total));
			}
			catch (RuntimeException e) {
				log.error("Upload import {} failed", jobId, e);
			}
			finally {
				FileSystemUtils.deleteRecursively(dir.toFile());
			}
		});
		return jobId;
	}

	/** Files expected for a running upload job, or -1. */
	public long total(long jobId) {
		return totals.getOrDefault(jobId, -1L);
	}

	static String safeName(String original) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			return "upload";
		}
		return name;
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

}
