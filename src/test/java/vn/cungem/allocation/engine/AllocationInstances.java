package vn.cungem.allocation.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated allocation inputs from a seed, shared by the invariant, optimality and determinism tests and the benchmark.
 * Schools belong to communes and communes to districts in blocks; students and items are spread over schools; some
 * items wait at workshops (no school) and a few outside every district with students; about a third of students share
 * a household with others at their school; priorities fall in 0..100, so ties are common.
 */
public final class AllocationInstances {

    /** How big: counts, and how many schools make a commune and communes a district. */
    public record Shape(int students, int items, int schools, int schoolsPerCommune, int communesPerDistrict) {

        public static final Shape NATIONAL = new Shape(1_000_000, 300_000, 40_000, 12, 5);

        long commune(long school) {
            return 1 + (school - 1) / schoolsPerCommune;
        }

        long district(long school) {
            return 1 + (commune(school) - 1) / communesPerDistrict;
        }

        long districts() {
            return district(schools);
        }
    }

    private static final SchoolLevel[] LEVELS = SchoolLevel.values();
    private static final ItemKind[] KINDS = ItemKind.values();
    // laptop, desktop, tablet, smartphone, SIM, Wi-Fi: roughly what the demo campaigns receive
    private static final int[] KIND_WEIGHTS = {30, 10, 25, 15, 12, 8};

    private AllocationInstances() {}

    public static AllocationInput generate(long seed, Shape shape, Rules rules) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Applicant> students = new ArrayList<>(shape.students());
        for (int i = 1; i <= shape.students(); i++) {
            long school = 1 + random.nextInt(shape.schools());
            long household = random.nextInt(3) == 0 ? school * 4 + random.nextInt(4) : 0;
            students.add(new Applicant(
                    i,
                    random.nextInt(101),
                    school,
                    shape.commune(school),
                    shape.district(school),
                    LEVELS[random.nextInt(LEVELS.length)],
                    random.nextInt(20) != 0,
                    random.nextInt(5) < 2,
                    household));
        }
        List<ReadyItem> items = new ArrayList<>(shape.items());
        for (int i = 1; i <= shape.items(); i++) {
            ItemKind kind = kind(random);
            long school = 1 + random.nextInt(shape.schools());
            long commune = shape.commune(school);
            long district = shape.district(school);
            int where = random.nextInt(50);
            if (where == 0) {
                // a workshop in a district where no student is registered yet
                school = 0;
                commune = -1;
                district = shape.districts() + 1;
            } else if (where < 20) {
                school = 0;
            }
            boolean paired = (kind == ItemKind.TABLET || kind == ItemKind.SMARTPHONE) && random.nextInt(4) == 0;
            items.add(new ReadyItem(i, kind, suits(kind, random), school, commune, district, paired));
        }
        return new AllocationInput(students, items, rules);
    }

    private static ItemKind kind(SplittableRandom random) {
        int pick = random.nextInt(100);
        for (int k = 0; k < KINDS.length; k++) {
            pick -= KIND_WEIGHTS[k];
            if (pick < 0) {
                return KINDS[k];
            }
        }
        return KINDS[KINDS.length - 1];
    }

    private static SchoolLevel suits(ItemKind kind, SplittableRandom random) {
        if (!kind.isDevice()) {
            return SchoolLevel.UPPER_SECONDARY;
        }
        // most donated devices serve every level; older or smaller ones only the younger pupils
        int pick = random.nextInt(10);
        return pick < 6 ? SchoolLevel.UPPER_SECONDARY : pick < 8 ? SchoolLevel.LOWER_SECONDARY : SchoolLevel.PRIMARY;
    }
}
