package vn.cungem.student;

import java.time.LocalDate;

/**
 * A student already registered who may be the same child. {@code visible} says whether the reader covers that
 * student: if not, the name is masked and the birth date left out, and there is no link to follow.
 */
public record DuplicateCandidate(
        long id,
        String name,
        boolean visible,
        String schoolName,
        String campaignName,
        LocalDate birthDate,
        StudentStatus status,
        boolean exact) {}
