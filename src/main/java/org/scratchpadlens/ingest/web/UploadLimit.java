package org.scratchpadlens.ingest.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.ModelAndView;

/**
 * The largest upload the server accepts (the servlet container's multipart limit), and
 * how to say it to a person.
 */
@Component
class UploadLimit {

	private final DataSize max;

	UploadLimit(@Value("${spring.servlet.multipart.max-request-size}") DataSize max) {
		this.max = max;
	}

	long bytes() {
		return max.toBytes();
	}

	String readable() {
		long b = max.toBytes();
		if (b % DataSize.ofGigabytes(1).toBytes() == 0) {
			return max.toGigabytes() + " GB";
		}
		if (b % DataSize.ofMegabytes(1).toBytes() == 0) {
			return max.toMegabytes() + " MB";
		}
		if (b % DataSize.ofKilobytes(1).toBytes() == 0) {
			return max.toKilobytes() + " KB";
		}
		return b + " bytes";
	}

	/**
	 * The upload form again, saying why the upload was refused, with status 413.
	 */
	ModelAndView refusedPage() {
		ModelAndView page = new ModelAndView("imports/new", HttpStatus.CONTENT_TOO_LARGE);
		page.addObject("error", message());
		describe(page.getModelMap());
		return page;
	}

	void describe(ModelMap model) {
		model.addAttribute("maxUploadBytes", bytes());
		model.addAttribute("maxUpload", readable());
		model.addAttribute("tooLargeMessage", message());
	}

	String message() {
		return "The upload is larger than this server's limit of " + readable()
				+ ", so nothing was imported. Import large files from the command line instead: "
				+ "java -jar target/scratchpad-lens.jar import PATH (it reads zips in place, with no size limit).";
	}

}
