package vn.cungem.donation.cash;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.security.Callers;

/**
 * The mapping step of a statement import for integrations: a job in status CONFIRM lists its
 * {@code columnsToConfirm}; the client answers with the field of each column and the import goes on.
 */
@RestController
@RequestMapping("/api/v1/campaigns/{campaignId}/statements/imports/{jobId}")
@Tag(name = "Cash")
class StatementColumnsApiController {

    /** A column of the file by its index and the field it holds (DATE, DESCRIPTION, … or IGNORE). */
    record ColumnChoice(Integer index, String field) {}

    /** The mapping object: the columns confirmed; a column left out keeps the field proposed. */
    record ColumnsBody(List<ColumnChoice> columns) {}

    private final StatementColumnConfirmations confirmations;

    StatementColumnsApiController(StatementColumnConfirmations confirmations) {
        this.confirmations = confirmations;
    }

    @Operation(
            summary = "Xác nhận các cột của sao kê / Confirm a statement's columns",
            description = "For a job in status CONFIRM: each column's field (DATE, REFERENCE, DEBIT, CREDIT, AMOUNT,"
                    + " SIDE, BALANCE, DESCRIPTION or IGNORE). The mapping is remembered for the campaign's bank"
                    + " account, so the next statement with the same columns is imported without asking. Answers the"
                    + " job, imported (DONE) or queued; 409 when the job is not waiting for its columns.")
    @PostMapping("/columns")
    StatementImportJob confirm(
            @PathVariable long campaignId, @PathVariable long jobId, @RequestBody(required = false) ColumnsBody body) {
        if (body == null || body.columns() == null) {
            throw InvalidValueException.of("statement.columns.no-body", "banks.confirm.no-body");
        }
        Map<Integer, String> choices = new LinkedHashMap<>();
        for (ColumnChoice c : body.columns()) {
            if (c == null || c.index() == null) {
                throw InvalidValueException.of("statement.columns.no-body", "banks.confirm.no-body");
            }
            choices.put(c.index(), c.field());
        }
        return confirmations.confirm(campaignId, jobId, choices, Callers.current());
    }
}
