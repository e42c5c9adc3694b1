package vn.cungem.identity.account;

import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.AuditedRecords;
import vn.cungem.shared.security.Caller;

/** An account's history (email, role, scope changes) is for those who may open the account: its managers. */
@Component
class AccountAuditRecords implements AuditedRecords {

    private final AccountQueries accounts;

    AccountAuditRecords(AccountQueries accounts) {
        this.accounts = accounts;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of("account");
    }

    @Override
    public boolean maySee(String entityType, String entityId, Caller caller) {
        Long id = AuditedRecords.numericId(entityId);
        if (id == null) {
            return false;
        }
        try {
            accounts.get(caller, id);
            return true;
        } catch (NotFoundException | AccessDeniedException e) {
            return false;
        }
    }
}
