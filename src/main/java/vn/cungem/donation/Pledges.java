package vn.cungem.donation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.campaign.Campaign;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.Money;
import vn.cungem.shared.security.Caller;

/**
 * Pledges (đăng ký ủng hộ): anyone may make one for an active campaign without an account; managers whose scope covers
 * the campaign or the pledge's collection point follow them up. The pledge code is the gift's public tracking code and
 * goes into the transfer note, so the bank statement can be matched to it.
 */
@Service
@Transactional(readOnly = true)
public class Pledges {

    public static final String ENTITY = "pledge";
    public static final int PAGE_SIZE = 25;
    public static final Money MIN_CASH = Money.vnd(10_000);
    public static final Money MAX_CASH = Money.vnd(100_000_000_000L);
    public static final int MAX_QUANTITY = 10_000;

    private final Campaigns campaigns;
    private final PledgeSubmissions submissions;
    private final PledgeQueries queries;
    private final PledgeCancellation cancellation;
    private final DonationOverviews overviews;
    private final GoLiveChecks goLive;

    Pledges(
            Campaigns campaigns,
            PledgeSubmissions submissions,
            PledgeQueries queries,
            PledgeCancellation cancellation,
            DonationOverviews overviews,
            GoLiveChecks goLive) {
        this.campaigns = campaigns;
        this.submissions = submissions;
        this.queries = queries;
        this.cancellation = cancellation;
        this.overviews = overviews;
        this.goLive = goLive;
    }

    public boolean canSeeCampaign(long campaignId, Caller caller) {
        return campaigns.isVisible(campaignId, caller);
    }

    /**
     * Campaigns offered on the public pledge page, newest first: active, with somewhere to bring goods and an account to
     * transfer to, and dates not over ({@link GoLiveChecklist}).
     */
    public List<Campaign> openCampaigns() {
        List<Campaign> active = campaigns.active(200);
        List<GoLiveChecklist> checks = goLive.checklists(active);
        List<Campaign> ready = new java.util.ArrayList<>();
        for (int i = 0; i < active.size(); i++) {
            if (checks.get(i).ready()) {
                ready.add(active.get(i));
            }
        }
        return ready;
    }

    /** A campaign the public pledge page offers, by its code; empty when it is not (or not yet) ready. */
    public Optional<Campaign> openCampaignByCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return campaigns
                .findByCode(code.trim().toUpperCase(Locale.ROOT))
                .filter(c -> c.status() == CampaignStatus.ACTIVE)
                .filter(c -> goLive.of(c).ready());
    }

    /** What the public pledge page needs before it offers the campaign, for its managers' donations page. */
    public GoLiveChecklist goLive(long campaignId, Caller caller) {
        return goLive.of(campaigns.get(campaignId, caller));
    }

    public Optional<Campaign> openCampaign(long id) {
        return submissions.openCampaign(id);
    }

    /**
     * Records a pledge, or returns the one an earlier submission with the same idempotency key created. A confirmation
     * email (Vietnamese, then English) goes out once, after the pledge is committed, when an email was given.
     */
    @Transactional(propagation = Propagation.NEVER)
    public PledgeSaved submit(PledgeRequest request) {
        return submissions.submit(request);
    }

    /** What {@link #submit} would refuse, stored nowhere; for a form that checks each step as the donor goes. */
    public List<FieldProblem> check(PledgeRequest request, Campaign campaign) {
        return submissions.check(request, campaign);
    }

    /** What anyone holding the code may see. */
    public Optional<PublicPledge> publicView(String code) {
        return queries.publicView(code);
    }

    /** Transfer details for a money pledge, when the campaign has a bank account. */
    public Optional<TransferDetails> transfer(long campaignId, String code, Money cashAmountVnd) {
        return queries.transfer(campaignId, code, cashAmountVnd);
    }

    /**
     * A campaign's pledges the caller manages, newest first, filtered by status and a folded search on the donor's name
     * or code; {@code cursor} (null for the first page) is a page's {@code nextCursor} or {@code previousCursor}.
     */
    public PledgePage search(long campaignId, PledgeStatus status, String query, Caller caller, String cursor) {
        return queries.search(campaignId, status, query, caller, cursor);
    }

    public PledgeDetail detail(long campaignId, long pledgeId, Caller caller) {
        return queries.detail(campaignId, pledgeId, caller);
    }

    /** Whether the caller may open this pledge's detail (the same rule as {@link #detail}); false when there is none. */
    public boolean isVisible(long pledgeId, Caller caller) {
        return queries.isVisible(pledgeId, caller);
    }

    /** Whether the caller may open at least one pledge this donor made, and so see who the donor is. */
    public boolean isDonorVisible(long donorId, Caller caller) {
        return queries.isDonorVisible(donorId, caller);
    }

    /** Cancels a pledge the donor withdrew; once everything has arrived there is nothing left to cancel. */
    @Transactional
    public PledgeDetail cancel(long campaignId, long pledgeId, String reason, Caller caller) {
        return cancellation.cancel(campaignId, pledgeId, reason, caller);
    }

    /** Counts for the campaign's donation overview, limited to what the caller manages. */
    public DonationOverview overview(long campaignId, Caller caller) {
        return overviews.overview(campaignId, caller);
    }
}
