package vn.cungem.volunteer.web;

import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Callers;
import vn.cungem.volunteer.work.Certificates;

/** A volunteer's certificate as a PDF, and the public check its QR code opens. */
@Controller
class CertificatesController {

    private final Certificates certificates;

    CertificatesController(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping(
            value = "/volunteer/teams/{id}/members/{accountId}/certificates/{campaignId}.pdf",
            produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(
            @PathVariable long id, @PathVariable long accountId, @PathVariable long campaignId, Locale locale) {
        Certificates.Issued issued = certificates.issue(id, accountId, campaignId, Callers.current());
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"chung-nhan-tinh-nguyen-" + issued.code() + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(certificates.pdf(issued, locale));
    }

    @GetMapping("/public/volunteer-certificates/{code}")
    String check(@PathVariable String code, Model model) {
        model.addAttribute(
                "c", certificates.byCode(code).orElseThrow(() -> new NotFoundException("volunteer_certificate", code)));
        return "volunteer/certificate-check";
    }
}
