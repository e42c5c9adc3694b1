package vn.cungem.student.importing.values;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keyword dictionary: which words in a school's free text name which priority category, device situation,
 * connection or need. Phrases are folded (no accents, lower case) and matched as whole words. A rule with
 * {@code confirmWords} is sure only when one of them is in the text too: "mồ côi cha" names the orphan category, but
 * the campaign's category is "do dịch Covid-19", so without "covid"/"dịch" the person confirms it. Documented, with
 * examples, in {@code docs/import-corpus.md}; the data lives here and nowhere else.
 */
final class Keywords {

    private Keywords() {}

    /** Words that name one value; {@code confirmWords} empty means a match is sure on its own. */
    record Rule(String value, List<String> phrases, List<String> confirmWords) {}

    /** What a text meant: the values found (in rule order) and whether every one was sure. */
    record Found(Set<String> values, boolean sure) {}

    private static final List<String> COVID = List.of("covid", "covid 19", "dich", "dich benh", "ncov", "sars cov 2");
    private static final List<String> JOB_LOST = List.of(
            "mat viec",
            "that nghiep",
            "nghi viec",
            "khong co viec",
            "khong co viec lam",
            "mat viec lam",
            "cat giam",
            "bi cho nghi",
            "ngung viec",
            "do dich",
            "covid");

    /** Household situations → the default priority categories' codes ({@code campaign.CampaignDefaults}). */
    static final List<Rule> HOUSEHOLD = List.of(
            new Rule(
                    "ORPHAN_BOTH_PARENTS",
                    List.of(
                            "mo coi ca cha lan me",
                            "mo coi ca cha va me",
                            "mo coi ca cha me",
                            "mo coi ca hai",
                            "mo coi cha me",
                            "mo coi cha va me",
                            "mo coi ca bo lan me",
                            "mo coi bo me",
                            "mat ca cha lan me",
                            "mat ca cha va me",
                            "cha me deu mat",
                            "bo me deu mat",
                            "cha me deu qua doi"),
                    COVID),
            new Rule(
                    "ORPHAN_ONE_PARENT",
                    List.of(
                            "mo coi cha",
                            "mo coi me",
                            "mo coi bo",
                            "mo coi",
                            "cha mat",
                            "me mat",
                            "bo mat",
                            "mat cha",
                            "mat me",
                            "mat bo",
                            "cha qua doi",
                            "me qua doi",
                            "bo qua doi"),
                    COVID),
            new Rule("NEAR_POOR_HOUSEHOLD", List.of("can ngheo", "ho can ngheo", "so can ngheo", "hcn"), List.of()),
            new Rule("POOR_HOUSEHOLD", List.of("ho ngheo", "ngheo", "so ngheo"), List.of()),
            new Rule(
                    "INDUSTRIAL_WORKER_JOBLESS",
                    List.of("cong nhan", "kcn", "khu cong nghiep", "kcx", "khu che xuat", "cn kcn"),
                    JOB_LOST),
            new Rule(
                    "FREELANCE_WORKER_JOBLESS",
                    List.of(
                            "lao dong tu do",
                            "ldtd",
                            "lam thue",
                            "lam muon",
                            "buon ban nho",
                            "ban ve so",
                            "chay xe om"),
                    JOB_LOST),
            new Rule(
                    "ETHNIC_MINORITY_HARDSHIP",
                    List.of(
                            "dan toc thieu so",
                            "dtts",
                            "nguoi dan toc",
                            "khmer",
                            "kho me",
                            "dan toc cham",
                            "nguoi cham",
                            "dan toc hoa",
                            "dan toc tay",
                            "dan toc nung",
                            "dan toc thai",
                            "dan toc muong",
                            "hmong",
                            "h mong",
                            "dan toc dao",
                            "e de",
                            "ede",
                            "gia rai",
                            "ba na",
                            "xo dang",
                            "stieng",
                            "x tieng",
                            "chau ma",
                            "co ho",
                            "ra glai",
                            "raglai"),
                    List.of()),
            new Rule(
                    "FRONTLINE_WORKER_HARDSHIP",
                    List.of("tuyen dau", "tuyen dau chong dich", "luc luong tuyen dau", "chong dich"),
                    List.of()));

    /** Texts that say "none of these": sure, and no category. */
    static final List<String> NO_CATEGORY = List.of("khong", "khong co", "binh thuong", "none", "ko", "k");

    static final List<Rule> DEVICE = List.of(
            new Rule(
                    "SHARED",
                    List.of("dung chung", "chung voi", "chung may", "xai chung", "muon", "dung ke", "dung nho"),
                    List.of()),
            new Rule(
                    "BROKEN",
                    List.of(
                            "hong",
                            "hu",
                            "bi hu",
                            "hu hong",
                            "vo man hinh",
                            "khong dung duoc",
                            "khong su dung duoc",
                            "khong hoat dong",
                            "liet"),
                    List.of()),
            new Rule(
                    "NONE",
                    List.of("khong co", "chua co", "khong", "chua", "ko co", "k co", "khong co may", "chua co may"),
                    List.of()));

    static final List<Rule> CONNECTIVITY = List.of(
            new Rule(
                    "NONE",
                    List.of("khong co", "khong", "chua co", "ko co", "k co", "khong co mang", "khong co internet"),
                    List.of()),
            new Rule(
                    "MOBILE_DATA",
                    List.of("3g", "4g", "5g", "du lieu", "du lieu di dong", "data", "sim", "mang dien thoai"),
                    List.of()),
            new Rule(
                    "HOME_INTERNET",
                    List.of("wifi", "wi fi", "internet", "cap quang", "mang", "fpt", "vnpt", "viettel", "adsl"),
                    List.of()));

    static final List<Rule> NEEDS = List.of(
            new Rule("WIFI", List.of("wifi", "wi fi", "usb wifi", "usb", "phat wifi", "router", "cuc phat"), List.of()),
            new Rule("SIM", List.of("sim", "sim 4g", "sim 3g"), List.of()),
            new Rule("DATA", List.of("data", "4g", "3g", "goi cuoc", "du lieu", "dung luong", "goi data"), List.of()),
            new Rule(
                    "DEVICE",
                    List.of(
                            "laptop",
                            "may tinh",
                            "may tinh bang",
                            "may tinh xach tay",
                            "tablet",
                            "ipad",
                            "dien thoai",
                            "dien thoai thong minh",
                            "smartphone",
                            "thiet bi",
                            "may",
                            "mtb",
                            "dt"),
                    List.of()));

    /** Every value whose words are in the text, in rule order; sure when each rule found is confirmed. */
    static Found find(List<Rule> rules, String folded) {
        Set<String> values = new LinkedHashSet<>();
        boolean sure = true;
        List<String> claimed = new ArrayList<>();
        for (Rule rule : rules) {
            String phrase = longest(rule.phrases(), folded, claimed);
            if (phrase == null) {
                continue;
            }
            // "cận nghèo" is not also "nghèo", "mồ côi cả cha lẫn mẹ" not also "mồ côi cha"
            claimed.add(phrase);
            values.add(rule.value());
            if (!rule.confirmWords().isEmpty() && !Folded.hasAny(folded, rule.confirmWords())) {
                sure = false;
            }
        }
        return new Found(values, sure && !values.isEmpty());
    }

    /** The longest phrase of the rule in the text that is not inside a phrase an earlier rule took. */
    private static String longest(List<String> phrases, String folded, List<String> claimed) {
        String best = null;
        for (String p : phrases) {
            if (Folded.has(folded, p) && (best == null || p.length() > best.length()) && !inside(p, folded, claimed)) {
                best = p;
            }
        }
        return best;
    }

    private static boolean inside(String phrase, String folded, List<String> claimed) {
        for (String c : claimed) {
            if (Folded.has(c, phrase) && countOf(folded, phrase) <= countOf(folded, c)) {
                return true;
            }
        }
        return false;
    }

    private static int countOf(String folded, String phrase) {
        int n = 0;
        for (int at = folded.indexOf(phrase); at >= 0; at = folded.indexOf(phrase, at + 1)) {
            if ((at == 0 || folded.charAt(at - 1) == ' ')
                    && (at + phrase.length() == folded.length() || folded.charAt(at + phrase.length()) == ' ')) {
                n++;
            }
        }
        return n;
    }
}
