package vn.cungem.volunteer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.identity.Accounts;
import vn.cungem.identity.VolunteerTeams;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.identity.account.AccountUserDetailsService;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.work.WorkshopTestData;
import vn.cungem.shared.security.Caller;
import vn.cungem.testsupport.TestFixtures;

/** A district with a campaign and a collection point, its manager, and a volunteer team working for it. */
public final class TeamTestData {

    public final WorkshopTestData workshop;
    public final Caller manager;
    public final AccountDetails managerAccount;
    public final VolunteerTeams.Team team;
    private final Accounts accounts;
    private final AccountUserDetailsService users;

    public TeamTestData(
            TestFixtures fixtures,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Inventory inventory,
            VolunteerTeams teams,
            Accounts accounts,
            AccountUserDetailsService users) {
        this.accounts = accounts;
        this.users = users;
        workshop = new WorkshopTestData(fixtures, jdbc, events, tx, inventory);
        managerAccount = fixtures.manager(workshop.district);
        manager = managerAccount.caller();
        team = teams.create(manager, TestFixtures.unique("IT áo xanh "), workshop.district);
    }

    /** A technician of the team (or of another team), signed in as the pages would see them. */
    public Caller technician(String name, long teamId) {
        return technicianAccount(name, teamId).caller();
    }

    public AccountDetails technicianAccount(String name, long teamId) {
        String email = TestFixtures.unique("tnv") + "@example.vn";
        accounts.createTechnician(email, name, teamId, TestFixtures.PASSWORD);
        return users.loadUserByUsername(email);
    }

    public Caller technician(String name) {
        return technician(name, team.id());
    }
}
