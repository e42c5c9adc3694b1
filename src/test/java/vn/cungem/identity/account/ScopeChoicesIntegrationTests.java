package vn.cungem.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.cungem.identity.Accounts;
import vn.cungem.organisation.NewPartner;
import vn.cungem.organisation.PartnerDirectory;
import vn.cungem.organisation.PartnerKind;
import vn.cungem.shared.security.Caller;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
class ScopeChoicesIntegrationTests {

    private static final List<String> CREATED = List.of("Bình", "An", "Đạt", "Dũng", "Ân", "Ăn");
    private static final List<String> DICTIONARY_ORDER = List.of("An", "Ăn", "Ân", "Bình", "Dũng", "Đạt");

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Accounts accounts;

    @Autowired
    PartnerDirectory partners;

    @Autowired
    ScopeChoices choices;

    @Test
    void offersTeamsAndPartnersInVietnameseDictionaryOrder() {
        String marker = TestFixtures.unique("sc");
        long province = fixtures.unit("Tỉnh Lựa Chọn " + marker, "province", null);
        long district = fixtures.unit("Huyện Lựa Chọn " + marker, "district", province);
        Caller manager = fixtures.manager(district).caller();
        for (String name : CREATED) {
            accounts.createVolunteerTeam(name, district);
        }
        // Partner names are unique without diacritics within a unit (V10), so An/Ăn/Ân cannot all be partners.
        for (String name : List.of("Dũng", "Ca", "Đạt", "Ấp", "Bình")) {
            partners.create(new NewPartner(name, PartnerKind.values()[0], district, null, null), manager);
        }
        assertThat(choices.teams(manager).stream().map(ScopeChoices.Choice::name))
                .containsExactlyElementsOf(DICTIONARY_ORDER);
        assertThat(choices.partners(manager).stream().map(ScopeChoices.Choice::name))
                .containsExactly("Ấp", "Bình", "Ca", "Dũng", "Đạt");
    }
}
