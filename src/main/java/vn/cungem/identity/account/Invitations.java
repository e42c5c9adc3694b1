package vn.cungem.identity.account;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.identity.account.EmailLinks.Purpose;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;

/** A manager invites someone by email with a role and scope; the invited person sets a password through the link. */
@Service
public class Invitations {

    private final JdbcClient jdbc;
    private final AccountInput input;
    private final Grants grants;
    private final AccountQueries queries;
    private final EmailLinks links;
    private final Passwords passwords;
    private final AccountMails mails;
    private final ApplicationEventPublisher events;
    private final IdentityText text;

    Invitations(
            JdbcClient jdbc,
            AccountInput input,
            Grants grants,
            AccountQueries queries,
            EmailLinks links,
            Passwords passwords,
            AccountMails mails,
            ApplicationEventPublisher events,
            IdentityText text) {
        this.jdbc = jdbc;
        this.input = input;
        this.grants = grants;
        this.queries = queries;
        this.links = links;
        this.passwords = passwords;
        this.mails = mails;
        this.events = events;
        this.text = text;
    }

    /**
     * Creates the account without a password and emails a link valid for 7 days. Inviting an email whose invitation is
     * still unaccepted sends a fresh link (so a retried request does not fail or duplicate).
     */
    @Transactional
    public long invite(Caller caller, String rawEmail, String rawName, Grant grant) {
        String email = input.email(rawEmail);
        String fullName = input.name(rawName);
        Grant resolved = grants.authorise(caller, grant);
        Long homeUnit = grants.homeUnitOf(resolved);
        Optional<AccountRow> existing = AccountSql.byEmail(jdbc, email);
        long id;
        if (existing.isPresent()) {
            AccountRow row = existing.get();
            if (!row.invitationPending() || !queries.visible(caller, row)) {
                String key = "account.error.email-taken";
                throw new ConflictException("email-taken", text.vi(key), text.en(key));
            }
            id = row.id();
        } else {
            id = new NewAccount(email, fullName, resolved).with("enabled", true).insert(jdbc);
        }
        String token = links.issue(id, Purpose.INVITATION);
        Map<String, Object> after = resolved.asMap();
        after.put("email", email);
        after.put("fullName", fullName);
        events.publishEvent(
                new DomainChange("account", String.valueOf(id), "INVITED", homeUnit, Map.of(), after, null));
        mails.invitation(email, fullName, caller.displayName(), resolved.role(), token);
        return id;
    }

    /** The invitation behind a link, while it can still be used. */
    @Transactional(readOnly = true)
    public Optional<AccountRow> open(String token) {
        return links.accountOf(token, Purpose.INVITATION).flatMap(id -> AccountSql.byId(jdbc, id));
    }

    @Transactional
    public AccountRow accept(String token, String password, String confirmation) {
        AccountRow account = open(token).orElseThrow(links::invalid);
        passwords.checkNew(password, confirmation, account.email());
        links.consume(token, Purpose.INVITATION);
        passwords.set(account.id(), password);
        jdbc.sql("update user_account set email_verified_at = ? where id = ? and email_verified_at is null")
                .params(OffsetDateTime.now(), account.id())
                .update();
        events.publishEvent(new DomainChange(
                "account",
                String.valueOf(account.id()),
                "INVITATION_ACCEPTED",
                account.homeUnitId(),
                Map.of(),
                Map.of(),
                null));
        return account;
    }
}
