package vn.cungem.student;

/**
 * An approved student as allocation needs to see them: where they are, how urgent, what they need. No name or
 * identifier: allocation decides by need, and handover will look the person up by id.
 */
public record EligibleStudent(
        long id,
        long campaignId,
        long schoolId,
        long unitId,
        int grade,
        int priorityScore,
        DeviceSituation deviceSituation,
        Connectivity connectivity,
        Needs needs) {}
