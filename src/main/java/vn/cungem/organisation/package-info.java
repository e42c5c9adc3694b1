/**
 * Organisation: the administrative tree (levels configured per deployment, units with official codes), the schools
 * under it and the partner organisations beside it. Every other module asks this one whether a unit lies in a caller's
 * scope. It depends on nothing but the shared kernel.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation (tổ chức)", allowedDependencies = "shared")
package vn.cungem.organisation;
