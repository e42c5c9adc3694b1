package vn.cungem.identity.account;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.mail.OutgoingMail;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.text.Formats;
import vn.cungem.shared.text.NameShape;
import vn.cungem.shared.text.VietnameseText;

/**
 * Everything a person does to accounts: invite, accept an invitation, reset or change a password, sign up as a donor,
 * and (for managers) list, disable, enable and re-scope accounts in their own scope. Out-of-scope ids answer 404.
 */
@Service
public class AccountService {

    public static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    public static final Duration RESET_VALIDITY = Duration.ofHours(1);
    public static final Duration VERIFY_VALIDITY = Duration.ofDays(7);
    static final String INVITATION = "INVITATION";
    static final String PASSWORD_RESET = "PASSWORD_RESET";
    static final String EMAIL_VERIFY = "EMAIL_VERIFY";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final int MAX_PAGE_SIZE = 100;

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final UnitScopes scopes;
    private final OutgoingMail mail;
    private final ApplicationEventPublisher events;
    private final ApiTokens tokens;
    private final SignInAttempts attempts;
    private final MessageSource messages;
    private final String baseUrl;

    AccountService(
            JdbcClient jdbc,
            PasswordEncoder encoder,
            UnitScopes scopes,
            OutgoingMail mail,
            ApplicationEventPublisher events,
            ApiTokens tokens,
            SignInAttempts attempts,
            MessageSource messages,
            @Value("${cungem.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.scopes = scopes;
        this.mail = mail;
        this.events = events;
        this.tokens = tokens;
        this.attempts = attempts;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    // ---- reading ----

    /** Accounts in the caller's scope whose folded name or email contains the folded query, newest first. */
    @Transactional(readOnly = true)
    public AccountPage list(Caller caller, String query, int page, int size) {
        requireManager(caller);
        int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int safePage = Math.max(0, page);
        StringBuilder where = new StringBuilder(" where ").append(scopes.unitFilter(caller, AccountSql.HOME_UNIT));
        List<Object> params = new ArrayList<>();
        String folded = VietnameseText.fold(query);
        if (!folded.isBlank()) {
            where.append(" and (coalesce(a.full_name_folded, lower(a.full_name)) like ? escape '\\'"
                    + " or a.email like ? escape '\\')");
            String like = VietnameseText.likeContains(folded);
            params.add(like);
            params.add(like);
        }
        long total = jdbc.sql("select count(*)" + AccountSql.FROM + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(safeSize);
        pageParams.add((long) safePage * safeSize);
        List<AccountRow> rows = jdbc.sql("select " + AccountSql.COLUMNS + AccountSql.FROM + where
                        + " order by a.created_at desc, a.id desc limit ? offset ?")
                .params(pageParams)
                .query(AccountSql::row)
                .list();
        return new AccountPage(rows, total, safePage, safeSize);
    }

    /** One account in the caller's scope; a missing or out-of-scope id is the same 404. */
    @Transactional(readOnly = true)
    public AccountRow get(Caller caller, long id) {
        requireManager(caller);
        AccountRow row = AccountSql.byId(jdbc, id).orElseThrow(() -> new NotFoundException("account", id));
        if (!visible(caller, row)) {
            throw new NotFoundException("account", id);
        }
        return row;
    }

    // ---- invitations ----

    /**
     * Creates the account without a password and emails a link valid for 7 days. Inviting an email whose invitation is
     * still unaccepted sends a fresh link (so a retried request does not fail or duplicate).
     */
    @Transactional
    public long invite(Caller caller, String rawEmail, String rawName, Grant grant) {
        String email = normaliseEmail(rawEmail);
        String fullName = requireName(rawName);
        Grant resolved = authorise(caller, grant);
        Long homeUnit = homeUnitOf(resolved);
        Optional<AccountRow> existing = AccountSql.byEmail(jdbc, email);
        long id;
        if (existing.isPresent()) {
            AccountRow row = existing.get();
            if (!row.invitationPending() || !visible(caller, row)) {
                throw new ConflictException(
                        "email-taken",
                        "Email này đã có tài khoản. Nếu người đó quên mật khẩu, hãy hướng dẫn họ dùng \"Quên mật"
                                + " khẩu\".",
                        "This email already has an account. If the person forgot the password, ask them to use"
                                + " \"Forgot password\".");
            }
            id = row.id();
        } else {
            OffsetDateTime now = OffsetDateTime.now();
            jdbc.sql("""
                            insert into user_account (email, full_name, full_name_folded, full_name_sort, role,
                                   unit_id, school_id, partner_id, volunteer_team_id, enabled, created_at, updated_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?)""")
                    .params(
                            email,
                            fullName,
                            VietnameseText.fold(fullName),
                            VietnameseText.sortKey(fullName),
                            resolved.role().name(),
                            resolved.unitId(),
                            resolved.schoolId(),
                            resolved.partnerId(),
                            resolved.teamId(),
                            now,
                            now)
                    .update();
            id = idOf(email);
        }
        String token = issueToken(id, INVITATION, INVITATION_VALIDITY);
        Map<String, Object> after = grantMap(resolved);
        after.put("email", email);
        after.put("fullName", fullName);
        events.publishEvent(
                new DomainChange("account", String.valueOf(id), "INVITED", homeUnit, Map.of(), after, null));
        mail.send(
                email,
                "Lời mời tham gia Cùng Em / Invitation to Cùng Em",
                "Xin chào " + fullName + ",\n\n" + caller.displayName() + " mời bạn dùng Cùng Em với vai trò "
                        + roleVi(resolved.role()) + ".\nHãy đặt mật khẩu tại liên kết sau (hiệu lực 7 ngày, dùng"
                        + " một lần):\n" + link("/invitation/" + token)
                        + "\n\nNếu bạn không chờ lời mời này, hãy bỏ qua thư.\n\n---\n\nHello " + fullName + ",\n\n"
                        + caller.displayName() + " invites you to Cùng Em as " + roleEn(resolved.role())
                        + ".\nSet your password here (valid for 7 days, single use):\n" + link("/invitation/" + token)
                        + "\n\nIf you did not expect this invitation, ignore this email.\n");
        return id;
    }

    /** The invitation behind a link, while it can still be used. */
    @Transactional(readOnly = true)
    public Optional<AccountRow> openInvitation(String token) {
        return validToken(token, INVITATION).flatMap(id -> AccountSql.byId(jdbc, id));
    }

    @Transactional
    public AccountRow acceptInvitation(String token, String password, String confirmation) {
        AccountRow account = openInvitation(token).orElseThrow(AccountService::linkInvalid);
        checkNewPassword(password, confirmation, account.email());
        consume(token, INVITATION);
        setPassword(account.id(), password);
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

    // ---- password reset ----

    /** Sends a reset link when the email has an active account; says nothing either way, against enumeration. */
    @Transactional
    public void requestPasswordReset(String rawEmail) {
        if (rawEmail == null || !EMAIL.matcher(rawEmail.trim()).matches()) {
            return;
        }
        Optional<AccountRow> account = AccountSql.byEmail(jdbc, rawEmail.trim().toLowerCase(Locale.ROOT));
        if (account.isEmpty() || !account.get().enabled() || account.get().invitationPending()) {
            return;
        }
        AccountRow row = account.get();
        String token = issueToken(row.id(), PASSWORD_RESET, RESET_VALIDITY);
        events.publishEvent(new DomainChange(
                "account",
                String.valueOf(row.id()),
                "PASSWORD_RESET_REQUESTED",
                row.homeUnitId(),
                Map.of(),
                Map.of(),
                null));
        mail.send(
                row.email(),
                "Đặt lại mật khẩu Cùng Em / Reset your Cùng Em password",
                "Xin chào " + row.fullName() + ",\n\nĐể đặt mật khẩu mới, hãy mở liên kết sau (hiệu lực 1 giờ, dùng"
                        + " một lần):\n" + link("/password-reset/" + token)
                        + "\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu hiện tại vẫn dùng được.\n\n---\n\n"
                        + "Hello " + row.fullName() + ",\n\nTo choose a new password, open this link (valid for 1 hour,"
                        + " single use):\n" + link("/password-reset/" + token)
                        + "\n\nIf you did not ask for this, ignore this email; your current password still works.\n");
    }

    @Transactional(readOnly = true)
    public boolean isResetLinkValid(String token) {
        return validToken(token, PASSWORD_RESET).isPresent();
    }

    /**
     * Sets the new password from a reset link. Whoever may have known the old password loses every session and API
     * token they held with it, and the owner gets a notice by email.
     *
     * @param clientAddress the address the link was used from: that person's own sign-in back-off is forgiven
     */
    @Transactional
    public void resetPassword(String token, String password, String confirmation, String clientAddress) {
        long id = validToken(token, PASSWORD_RESET).orElseThrow(AccountService::linkInvalid);
        AccountRow account = AccountSql.byId(jdbc, id).orElseThrow(AccountService::linkInvalid);
        checkNewPassword(password, confirmation, account.email());
        consume(token, PASSWORD_RESET);
        setPassword(id, password);
        // The owner of the mailbox proved who they are, so back-off from someone else's guessing ends here.
        jdbc.sql("update user_account set failed_attempts = 0, locked_until = null where id = ?")
                .param(id)
                .update();
        attempts.forgive(account.email(), clientAddress);
        afterPasswordChange(account, "PASSWORD_RESET", null);
    }

    // ---- my account ----

    /**
     * Changes my password. Every other session of the account ends (the one making the change stays signed in), every
     * API token is revoked, and a notice goes to the account's email.
     *
     * @param currentSessionId the session that made the change, kept; null ends them all
     */
    @Transactional
    public void changePassword(
            long accountId, String current, String password, String confirmation, String currentSessionId) {
        String hash = jdbc.sql("select password_hash from user_account where id = ?")
                .param(accountId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("account", accountId));
        if (current == null || hash == null || !encoder.matches(current, hash)) {
            throw new InvalidValueException(
                    "current-password-wrong", "Mật khẩu hiện tại không đúng.", "The current password is not correct.");
        }
        AccountRow account = AccountSql.byId(jdbc, accountId).orElseThrow();
        checkNewPassword(password, confirmation, account.email());
        setPassword(accountId, password);
        afterPasswordChange(account, "PASSWORD_CHANGED", currentSessionId);
    }

    /**
     * What a new password means for what the old one opened: sessions other than {@code keepSessionId} end, API tokens
     * are revoked (they were made by whoever held the old password), the change is audited with both numbers, and the
     * owner is told by email once the change has committed.
     */
    private void afterPasswordChange(AccountRow account, String action, String keepSessionId) {
        int sessions = endSessions(account.email(), keepSessionId);
        int revoked = tokens.revokeAll(account.id(), action);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("otherSessionsEnded", sessions);
        after.put("apiTokensRevoked", revoked);
        events.publishEvent(new DomainChange(
                "account", String.valueOf(account.id()), action, account.homeUnitId(), Map.of(), after, null));
        String when = Formats.DATE_TIME.format(OffsetDateTime.now().atZoneSameInstant(Formats.VIETNAM));
        Object[] args = {account.fullName(), when, link("/password-reset")};
        String subject = messages.getMessage("mail.passwordChanged.subject", null, VietnameseText.VIETNAMESE) + " / "
                + messages.getMessage("mail.passwordChanged.subject", null, Locale.ENGLISH);
        String body = messages.getMessage("mail.passwordChanged.body", args, VietnameseText.VIETNAMESE) + "\n\n---\n\n"
                + messages.getMessage("mail.passwordChanged.body", args, Locale.ENGLISH);
        // Stored with the change and sent after it commits; a mail server that is down only delays the notice.
        mail.send(account.email(), subject, body);
    }

    // ---- donors sign themselves up ----

    /**
     * Creates a disabled donor account and emails a verification link. An email that already has an account gets the
     * same answer (and a fresh link only when it is an unverified donor), so the form reveals no one's address.
     */
    @Transactional
    public void registerDonor(String rawEmail, String rawName, String password, String confirmation) {
        String email = normaliseEmail(rawEmail);
        String fullName = requirePersonName(rawName);
        checkNewPassword(password, confirmation, email);
        Optional<AccountRow> existing = AccountSql.byEmail(jdbc, email);
        long id;
        if (existing.isPresent()) {
            boolean unverifiedDonor = existing.get().role() == Role.DONOR
                    && jdbc.sql("select count(*) from user_account where id = ? and email_verified_at is null")
                                    .param(existing.get().id())
                                    .query(Long.class)
                                    .single()
                            > 0;
            if (!unverifiedDonor) {
                return;
            }
            id = existing.get().id();
        } else {
            OffsetDateTime now = OffsetDateTime.now();
            jdbc.sql("""
                            insert into user_account (email, full_name, full_name_folded, full_name_sort, password_hash,
                                   role, enabled, password_changed_at, created_at, updated_at)
                            values (?, ?, ?, ?, ?, 'DONOR', false, ?, ?, ?)""")
                    .params(
                            email,
                            fullName,
                            VietnameseText.fold(fullName),
                            VietnameseText.sortKey(fullName),
                            encoder.encode(password),
                            now,
                            now,
                            now)
                    .update();
            id = idOf(email);
            events.publishEvent(DomainChange.created("account", id, null, Map.of("email", email, "role", "DONOR")));
        }
        String token = issueToken(id, EMAIL_VERIFY, VERIFY_VALIDITY);
        // Nothing typed into the form goes into the mail, not even the name: whoever typed it has not yet shown that
        // the mailbox is theirs, and the greeting would carry their words to a stranger's inbox.
        mail.send(
                email,
                "Xác nhận email Cùng Em / Confirm your email for Cùng Em",
                "Xin chào,\n\nCảm ơn bạn đã đăng ký ủng hộ học sinh. Hãy xác nhận email tại liên kết"
                        + " sau (hiệu lực 7 ngày):\n" + link("/register/verify/" + token)
                        + "\n\nNếu bạn không đăng ký, hãy bỏ qua thư này.\n\n---\n\nHello,\n\nThank you for signing"
                        + " up to support students. Confirm your email here (valid for 7 days):\n"
                        + link("/register/verify/" + token) + "\n\nIf you did not sign up, ignore this email.\n");
    }

    @Transactional
    public boolean verifyEmail(String token) {
        Optional<Long> id = validToken(token, EMAIL_VERIFY);
        if (id.isEmpty()) {
            return false;
        }
        consume(token, EMAIL_VERIFY);
        jdbc.sql("update user_account set enabled = true, email_verified_at = ?, updated_at = ? where id = ?"
                        + " and email_verified_at is null")
                .params(OffsetDateTime.now(), OffsetDateTime.now(), id.get())
                .update();
        events.publishEvent(new DomainChange(
                "account", String.valueOf(id.get()), "EMAIL_VERIFIED", null, Map.of(), Map.of(), null));
        return true;
    }

    // ---- managing accounts ----

    @Transactional
    public void setEnabled(Caller caller, long id, boolean enabled, String reason) {
        AccountRow row = get(caller, id);
        refuseSelf(caller, id);
        if (row.enabled() == enabled) {
            return;
        }
        jdbc.sql("update user_account set enabled = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(enabled, OffsetDateTime.now(), id)
                .update();
        if (!enabled) {
            endSessions(row.email());
        }
        events.publishEvent(new DomainChange(
                "account",
                String.valueOf(id),
                enabled ? "ENABLED" : "DISABLED",
                row.homeUnitId(),
                Map.of("enabled", row.enabled()),
                Map.of("enabled", enabled),
                tidyReason(reason)));
    }

    /** Gives an account another role or scope; both the old and the new scope must lie in the caller's scope. */
    @Transactional
    public void changeGrant(Caller caller, long id, Grant grant, String reason) {
        AccountRow row = get(caller, id);
        refuseSelf(caller, id);
        String why = tidyReason(reason);
        if (why == null) {
            throw new InvalidValueException(
                    "reason-required",
                    "Hãy ghi lý do thay đổi vai trò hoặc phạm vi.",
                    "Give a reason for changing the role or scope.");
        }
        Grant resolved = authorise(caller, grant);
        jdbc.sql("""
                        update user_account set role = ?, unit_id = ?, school_id = ?, partner_id = ?,
                               volunteer_team_id = ?, updated_at = ?, version = version + 1
                         where id = ?""")
                .params(
                        resolved.role().name(),
                        resolved.unitId(),
                        resolved.schoolId(),
                        resolved.partnerId(),
                        resolved.teamId(),
                        OffsetDateTime.now(),
                        id)
                .update();
        // A signed-in session carries the old scope; ending it makes the change take effect at once.
        endSessions(row.email());
        Map<String, Object> before =
                grantMap(new Grant(row.role(), row.unitId(), row.schoolId(), row.partnerId(), row.teamId()));
        events.publishEvent(new DomainChange(
                "account", String.valueOf(id), "SCOPE_CHANGED", homeUnitOf(resolved), before, grantMap(resolved), why));
    }

    // ---- used by the façade and the bootstrap ----

    @Transactional
    public long createWithPassword(String rawEmail, String rawName, Grant grant, String password, boolean generated) {
        String email = normaliseEmail(rawEmail);
        Optional<AccountRow> existing = AccountSql.byEmail(jdbc, email);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        String fullName = requireName(rawName);
        PasswordPolicy.check(password, email);
        Grant resolved = authorise(Caller.SYSTEM, grant);
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                        insert into user_account (email, full_name, full_name_folded, full_name_sort, password_hash,
                               role, unit_id, school_id, partner_id, volunteer_team_id, enabled, password_generated,
                               password_changed_at, email_verified_at, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?, ?)""")
                .params(
                        email,
                        fullName,
                        VietnameseText.fold(fullName),
                        VietnameseText.sortKey(fullName),
                        encoder.encode(password),
                        resolved.role().name(),
                        resolved.unitId(),
                        resolved.schoolId(),
                        resolved.partnerId(),
                        resolved.teamId(),
                        generated,
                        generated ? null : now,
                        now,
                        now,
                        now)
                .update();
        long id = idOf(email);
        Map<String, Object> after = grantMap(resolved);
        after.put("email", email);
        events.publishEvent(DomainChange.created("account", id, homeUnitOf(resolved), after));
        return id;
    }

    // ---- rules ----

    private Grant authorise(Caller caller, Grant grant) {
        if (grant == null || grant.role() == null) {
            throw new InvalidValueException("role-required", "Hãy chọn vai trò.", "Choose a role.");
        }
        Grant resolved = normalise(grant);
        Long unit = homeUnitOf(resolved);
        InvitePolicy.Decision decision =
                InvitePolicy.decide(caller, resolved.role(), unit, candidate -> scopes.covers(caller, candidate));
        return switch (decision) {
            case ALLOWED -> resolved;
            case OUT_OF_SCOPE -> throw new NotFoundException("scope", unit);
            case SCOPE_MISSING ->
                throw new InvalidValueException(
                        "scope-required",
                        "Vai trò " + roleVi(resolved.role()) + " cần chọn " + scopeWordVi(resolved.role()) + ".",
                        "The role " + roleEn(resolved.role()) + " needs a " + scopeWordEn(resolved.role()) + ".");
            case ROLE_NOT_ALLOWED ->
                throw new org.springframework.security.access.AccessDeniedException("may not grant " + resolved.role());
        };
    }

    /** Keeps only the id the role uses; a technician's unit is their team's. */
    private Grant normalise(Grant grant) {
        return switch (grant.role()) {
            case SYSTEM_ADMIN, DONOR -> new Grant(grant.role(), null, null, null, null);
            case PROGRAMME_MANAGER -> new Grant(grant.role(), grant.unitId(), null, null, null);
            case SCHOOL_OFFICER -> new Grant(grant.role(), null, grant.schoolId(), null, null);
            case PARTNER_USER -> new Grant(grant.role(), null, null, grant.partnerId(), null);
            case VOLUNTEER_TECHNICIAN ->
                new Grant(
                        grant.role(),
                        grant.teamId() == null ? null : unitOfTeam(grant.teamId()),
                        null,
                        null,
                        grant.teamId());
        };
    }

    /** The unit a grant sits in, or null when the role has none; an id that does not exist answers 404. */
    private Long homeUnitOf(Grant grant) {
        return switch (grant.role()) {
            case SYSTEM_ADMIN, DONOR -> null;
            case PROGRAMME_MANAGER ->
                grant.unitId() == null
                        ? null
                        : lookup(
                                "select id from administrative_unit where id = ? and retired_on is null",
                                grant.unitId());
            case SCHOOL_OFFICER ->
                grant.schoolId() == null ? null : lookup("select unit_id from school where id = ?", grant.schoolId());
            case PARTNER_USER ->
                grant.partnerId() == null
                        ? null
                        : lookup("select home_unit_id from partner_organisation where id = ?", grant.partnerId());
            case VOLUNTEER_TECHNICIAN -> grant.unitId();
        };
    }

    private Long unitOfTeam(long teamId) {
        return lookup("select unit_id from volunteer_team where id = ?", teamId);
    }

    private Long lookup(String sql, long id) {
        return jdbc.sql(sql)
                .param(id)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("scope", id));
    }

    private boolean visible(Caller caller, AccountRow row) {
        if (caller.isAdmin()) {
            return true;
        }
        return row.homeUnitId() != null && scopes.covers(caller, row.homeUnitId());
    }

    private static void requireManager(Caller caller) {
        if (!caller.isAdmin() && !caller.is(Role.PROGRAMME_MANAGER)) {
            throw new org.springframework.security.access.AccessDeniedException("managers only");
        }
    }

    private static void refuseSelf(Caller caller, long id) {
        if (caller.accountId() != null && caller.accountId() == id) {
            throw new InvalidValueException(
                    "own-account",
                    "Bạn không thể tự khóa hoặc tự đổi vai trò của chính mình; hãy nhờ người quản lý cấp trên.",
                    "You cannot disable or re-scope your own account; ask a manager above you.");
        }
    }

    private void checkNewPassword(String password, String confirmation, String email) {
        PasswordPolicy.check(password, email);
        if (!password.equals(confirmation)) {
            throw new InvalidValueException(
                    "password-mismatch", "Hai lần nhập mật khẩu không khớp nhau.", "The two passwords do not match.");
        }
    }

    private void setPassword(long id, String password) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("update user_account set password_hash = ?, password_generated = false, password_changed_at = ?,"
                        + " updated_at = ?, version = version + 1 where id = ?")
                .params(encoder.encode(password), now, now, id)
                .update();
    }

    private void endSessions(String email) {
        endSessions(email, null);
    }

    /**
     * Ends the account's sessions through Spring Session's principal-name index (the {@code principal_name} column;
     * attributes go with them by cascade), except the one given.
     */
    private int endSessions(String email, String exceptSessionId) {
        if (exceptSessionId == null) {
            return jdbc.sql("delete from spring_session where principal_name = ?")
                    .param(email)
                    .update();
        }
        return jdbc.sql("delete from spring_session where principal_name = ? and session_id <> ?")
                .params(email, exceptSessionId)
                .update();
    }

    private String issueToken(long accountId, String purpose, Duration validity) {
        OffsetDateTime now = OffsetDateTime.now();
        // One live link per purpose: a new email makes the older links useless.
        jdbc.sql("update account_token set used_at = ? where account_id = ? and purpose = ? and used_at is null")
                .params(now, accountId, purpose)
                .update();
        String token = SecretTokens.newToken();
        jdbc.sql("insert into account_token (account_id, purpose, token_hash, expires_at, created_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(accountId, purpose, SecretTokens.hash(token), now.plus(validity), now)
                .update();
        return token;
    }

    private Optional<Long> validToken(String token, String purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select account_id from account_token where token_hash = ? and purpose = ? and used_at is null"
                        + " and expires_at > ?")
                .params(SecretTokens.hash(token), purpose, OffsetDateTime.now())
                .query(Long.class)
                .optional();
    }

    /** Marks the link used; the condition on {@code used_at} makes two simultaneous uses end in one success. */
    private void consume(String token, String purpose) {
        int used = jdbc.sql("update account_token set used_at = ? where token_hash = ? and purpose = ?"
                        + " and used_at is null and expires_at > ?")
                .params(OffsetDateTime.now(), SecretTokens.hash(token), purpose, OffsetDateTime.now())
                .update();
        if (used != 1) {
            throw linkInvalid();
        }
    }

    private long idOf(String email) {
        return jdbc.sql("select id from user_account where email = ?")
                .param(email)
                .query(Long.class)
                .single();
    }

    private String link(String path) {
        return baseUrl + path;
    }

    static InvalidValueException linkInvalid() {
        return new InvalidValueException(
                "link-invalid",
                "Liên kết không còn hiệu lực: đã dùng rồi hoặc đã hết hạn. Hãy yêu cầu gửi liên kết mới.",
                "This link is no longer valid: it was already used or has expired. Ask for a new one.");
    }

    static String normaliseEmail(String raw) {
        String email = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new InvalidValueException(
                    "email-invalid",
                    "Địa chỉ email chưa đúng (ví dụ: ten@truong.edu.vn).",
                    "The email address is not valid (for example name@school.edu.vn).");
        }
        return email;
    }

    private static String requireName(String raw) {
        String name = VietnameseText.tidy(raw);
        if (name == null || name.isEmpty() || name.length() > 200) {
            throw new InvalidValueException(
                    "name-required",
                    "Hãy nhập họ và tên (tối đa 200 ký tự).",
                    "Enter the full name (at most 200 characters).");
        }
        return name;
    }

    /** A donor's own name as typed in the public sign-up: name-shaped, since anyone may type anything there. */
    private static String requirePersonName(String raw) {
        if (!NameShape.isPersonName(raw)) {
            throw new InvalidValueException(
                    "name-not-a-name",
                    "Họ và tên chỉ gồm chữ cái, khoảng trắng và các dấu . ' - (tối đa " + NameShape.MAX_PERSON_NAME
                            + " ký tự); không có chữ số, email hay đường link.",
                    "The full name may hold only letters, spaces and . ' - (at most " + NameShape.MAX_PERSON_NAME
                            + " characters); no digits, email addresses or links.");
        }
        return VietnameseText.tidy(raw);
    }

    private static String tidyReason(String reason) {
        String tidy = VietnameseText.tidy(reason);
        if (tidy == null || tidy.isEmpty()) {
            return null;
        }
        if (tidy.length() > 500) {
            throw new InvalidValueException(
                    "reason-too-long", "Lý do tối đa 500 ký tự.", "The reason can be at most 500 characters.");
        }
        return tidy;
    }

    private static Map<String, Object> grantMap(Grant grant) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("role", grant.role().name());
        if (grant.unitId() != null) {
            map.put("unitId", grant.unitId());
        }
        if (grant.schoolId() != null) {
            map.put("schoolId", grant.schoolId());
        }
        if (grant.partnerId() != null) {
            map.put("partnerId", grant.partnerId());
        }
        if (grant.teamId() != null) {
            map.put("teamId", grant.teamId());
        }
        return map;
    }

    public static String roleVi(Role role) {
        return switch (role) {
            case SYSTEM_ADMIN -> "quản trị hệ thống";
            case PROGRAMME_MANAGER -> "quản lý chương trình";
            case SCHOOL_OFFICER -> "cán bộ nhà trường";
            case VOLUNTEER_TECHNICIAN -> "tình nguyện viên kỹ thuật";
            case PARTNER_USER -> "người dùng của tổ chức đối tác";
            case DONOR -> "nhà hảo tâm";
        };
    }

    public static String roleEn(Role role) {
        return switch (role) {
            case SYSTEM_ADMIN -> "system administrator";
            case PROGRAMME_MANAGER -> "programme manager";
            case SCHOOL_OFFICER -> "school officer";
            case VOLUNTEER_TECHNICIAN -> "volunteer technician";
            case PARTNER_USER -> "partner organisation user";
            case DONOR -> "donor";
        };
    }

    private static String scopeWordVi(Role role) {
        return switch (role) {
            case SCHOOL_OFFICER -> "trường";
            case VOLUNTEER_TECHNICIAN -> "đội tình nguyện";
            case PARTNER_USER -> "tổ chức đối tác";
            default -> "đơn vị";
        };
    }

    private static String scopeWordEn(Role role) {
        return switch (role) {
            case SCHOOL_OFFICER -> "school";
            case VOLUNTEER_TECHNICIAN -> "volunteer team";
            case PARTNER_USER -> "partner organisation";
            default -> "unit";
        };
    }
}
