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
}
