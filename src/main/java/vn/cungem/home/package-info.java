/**
 * Home: the page a person lands on after signing in, showing what waits for them in their role (students returned for
 * correction, lists to approve, pledges expected, the team's queue) with counts and links. It only reads other modules' public APIs; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Home (trang chính)",
        allowedDependencies = {"campaign", "student", "donation", "inventory", "shared"})
package vn.cungem.home;
