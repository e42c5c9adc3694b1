package vn.cungem.donation.cash;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.donation.TrackingCode;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.testsupport.TestFixtures;

/** Campaigns, donors and pledges with plain SQL, so the cash tests do not depend on the pledge engineer's services. */
record CashTestData(JdbcClient jdbc) {

    record Pledge(long id, String code) {}

    long campaign(long organisingUnitId) {
        String code = TestFixtures.unique("CASH-");
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                        insert into campaign (code, name, name_folded, organising_unit_id, status, eligible_levels,
                                              created_at, updated_at)
                        values (?, ?, ?, ?, 'ACTIVE', 'PRIMARY', ?, ?)""")
                .params(
                        code,
                        "Sóng và máy tính " + code,
                        VietnameseText.fold("Song va may tinh " + code),
                        organisingUnitId,
                        now,
                        now)
                .update();
        return jdbc.sql("select id from campaign where code = ?")
                .param(code)
                .query(Long.class)
                .single();
    }

    Pledge pledge(long campaignId, String donorName, Long cashAmount) {
        OffsetDateTime now = OffsetDateTime.now();
        String marker = TestFixtures.unique("donor");
        jdbc.sql("""
                        insert into donor (kind, name, name_folded, email, named_publicly, anonymous, created_at,
                                           updated_at)
                        values ('INDIVIDUAL', ?, ?, ?, true, false, ?, ?)""")
                .params(donorName, VietnameseText.fold(donorName), marker + "@example.vn", now, now)
                .update();
        long donorId = jdbc.sql("select id from donor where email = ?")
                .param(marker + "@example.vn")
                .query(Long.class)
                .single();
        String code = TrackingCode.generate(TrackingCode.PLEDGE).value();
        jdbc.sql("""
                        insert into pledge (code, campaign_id, donor_id, cash_amount_vnd, status, wants_certificate,
                                            created_at, updated_at)
                        values (?, ?, ?, ?, 'PLEDGED', false, ?, ?)""").params(code, campaignId, donorId, cashAmount, now, now).update();
        long id = jdbc.sql("select id from pledge where code = ?")
                .param(code)
                .query(Long.class)
                .single();
        return new Pledge(id, code);
    }

    /**
     * Every reference of the campaign's ledger entries, and every statement line's pledge, is a row of the same
     * campaign, and an entry made from a bank line names the line's pledge. That each reference exists is the
     * database's job (the foreign keys of V98); that it stays within the campaign is the writers' rule, which the tests
     * that write them check after each test.
     */
    void assertLedgerReferencesResolve(long campaignId) {
        long broken = jdbc.sql("""
                        select count(*) from ledger_entry e
                          left join bank_statement_line l on l.id = e.bank_line_id
                          left join pledge p on p.id = e.pledge_id
                          left join purchase u on u.id = e.purchase_id
                          left join ledger_entry c on c.id = e.corrects_entry_id
                         where e.campaign_id = ?
                           and (l.campaign_id <> e.campaign_id
                                or p.campaign_id <> e.campaign_id
                                or u.campaign_id <> e.campaign_id
                                or c.campaign_id <> e.campaign_id
                                or (e.bank_line_id is not null and e.pledge_id is distinct from l.pledge_id))""").param(campaignId).query(Long.class).single();
        org.assertj.core.api.Assertions.assertThat(broken)
                .as("ledger entries of campaign %d whose references leave the campaign", campaignId)
                .isZero();
        long brokenLines = jdbc.sql("""
                        select count(*) from bank_statement_line l join pledge p on p.id = l.pledge_id
                         where l.campaign_id = ? and p.campaign_id <> l.campaign_id""").param(campaignId).query(Long.class).single();
        org.assertj.core.api.Assertions.assertThat(brokenLines)
                .as("statement lines of campaign %d whose pledge is not one of the campaign's", campaignId)
                .isZero();
    }
}
