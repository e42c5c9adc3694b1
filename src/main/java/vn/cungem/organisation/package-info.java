/**
 * Organisation: the administrative tree (levels configured per deployment, units with official codes, a closure table
 * for subtree scope), the schools under it and the partner organisations beside it, and the importer for the General
 * Statistics Office's list of units. Other modules call {@link vn.cungem.organisation.UnitDirectory},
 * {@link vn.cungem.organisation.SchoolDirectory}, {@link vn.cungem.organisation.PartnerDirectory} and
 * {@link vn.cungem.organisation.UnitScopes}. Schools and partners are both records that belong to a unit and share one
 * shape ({@link vn.cungem.organisation.UnitRecordDirectory}), and so do their pages and API. Tree rules and the file
 * parser are plain Java in {@code tree} and {@code importing}. It depends on nothing but the shared kernel.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation (tổ chức)", allowedDependencies = "shared")
package vn.cungem.organisation;
