package vn.cungem.organisation.web;

import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import vn.cungem.organisation.ImportReport;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.organisation.importing.GsoFileParser;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Caller;

/** Reads an uploaded GSO file and hands its rows to {@link UnitDirectory#importRows}, for the page and the API. */
@Component
class UnitImports {

    private final UnitDirectory units;

    UnitImports(UnitDirectory units) {
        this.units = units;
    }

    ImportReport importFile(MultipartFile file, Caller caller) throws IOException {
        if (!caller.isAdmin()) {
            throw new AccessDeniedException("admin only");
        }
        if (file == null || file.isEmpty()) {
            throw InvalidValueException.of("import.empty", "org.error.import-empty");
        }
        GsoFileParser.Parsed parsed = GsoFileParser.parse(file.getBytes(), file.getOriginalFilename());
        return units.importRows(parsed.rows(), parsed.rejected(), caller);
    }
}
