package vn.cungem.home;

/**
 * One thing that waits for the person on their home page: what it is (a message key taking the count as its only
 * argument), how many, which campaign, and where to deal with it.
 */
public record Waiting(String key, long count, String campaignName, String link) {

    /** Zero is still shown for the items a role must watch ("0 students returned" tells the officer all is well). */
    public boolean urgent() {
        return count > 0;
    }
}
