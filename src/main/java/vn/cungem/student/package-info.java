/**
 * Needs registry (sổ học sinh cần hỗ trợ): students in need registered by their school one by one or from the
 * school's spreadsheet, checked for duplicates across schools and campaigns, scored by the campaign's priority
 * categories ("most difficult first"), proposed by the school and approved, returned or rejected by the unit above.
 * Approved students are the ones allocation may serve. The rules are plain Java in this package ({@link
 * vn.cungem.student.StudentInput}, {@link vn.cungem.student.PriorityScore}, {@link vn.cungem.student.StudentStatus});
 * {@link vn.cungem.student.Students} is the façade other modules call.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Student (sổ học sinh cần hỗ trợ)",
        allowedDependencies = {"organisation", "campaign", "shared"})
package vn.cungem.student;
