package vn.cungem.student.importing.values;

import java.util.List;
import vn.cungem.student.StudentInput;

/**
 * A row as the registry will read it, each repair made to get there (every one a warning, never silent), and the free
 * texts with their meanings. An unsure meaning is a warning too: the row is written once the person confirms it.
 */
public record Interpreted(StudentInput input, List<Warning> warnings, List<FreeText> texts) {

    /** A repair or an unsure meaning, in Vietnamese and English. */
    public record Warning(String vi, String en) {}
}
