package org.scratchpadlens.export;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.scratchpadlens.annotation.campaign.Campaign;
import org.scratchpadlens.annotation.campaign.CampaignAccess;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The label import page of a campaign: upload an edited long export, read the report. */
@Controller
class LabelImportPageController {

	private final LabelImport imports;

	private final CampaignAccess access;

	LabelImportPageController(LabelImport imports, CampaignAccess access) {
		this.imports = imports;
		this.access = access;
	}

	@GetMapping("/campaigns/{id}/import")
	String form(@PathVariable long id, Authentication user, Model model) {
		model.addAttribute("campaign", campaign(id, user));
		return "export/import";
	}

	@PostMapping("/campaigns/{id}/import")
	String upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			Authentication user, Model model) throws IOException {
		model.addAttribute("campaign", campaign(id, user));
		if (file == null || file.isEmpty()) {
			model.addAttribute("error", "Choose the CSV file to import.");
			return "export/import";
		}
		try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8.newDecoder())) {
			model.addAttribute("report", imports.importCsv(reader, id));
		}
		model.addAttribute("fileName", file.getOriginalFilename());
		return "export/import";
	}

	private Campaign campaign(long id, Authentication user) {
		return access.readable(id, org.scratchpadlens.annotation.campaign.Reader.of(user));
	}

}
