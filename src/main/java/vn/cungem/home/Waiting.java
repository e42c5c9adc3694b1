package vn.cungem.home;

/**
 * One thing that waits for the person on their home page: what it is (a message key taking the count as {0} and
 * {@code detail} as {1}), how many, which campaign, and where to deal with it. {@code watch} is false for a figure that
 * is only information (a deadline, progress), which is never marked as urgent.
 */
public record Waiting(String key, long count, String detail, String campaignName, String link, boolean watch) {

    static Waiting of(String key, long count, String campaignName, String link) {
        return new Waiting(key, count, "", campaignName, link, true);
    }

    static Waiting info(String key, long count, String detail, String campaignName, String link) {
        return new Waiting(key, count, detail, campaignName, link, false);
    }

    /** Zero is still shown for the items a role must watch ("0 students returned" tells the officer all is well). */
    public boolean urgent() {
        return watch && count > 0;
    }
}
