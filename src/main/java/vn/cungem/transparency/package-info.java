/**
 * Transparency: what the public may see. For now the plain page that shows what became of a gift by its tracking code
 * (received → prepared → handed over), never who the child is. It only reads other modules; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Transparency (công khai)",
        allowedDependencies = {"donation", "inventory", "organisation", "campaign", "shared"})
package vn.cungem.transparency;
