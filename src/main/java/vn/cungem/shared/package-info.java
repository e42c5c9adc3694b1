/**
 * Shared kernel: value objects every module speaks (money in integer VND, Vietnamese text, phone numbers), who is
 * calling and what their scope is, the audit event every change publishes, and the web plumbing that turns errors into
 * messages a school officer understands. It depends on no business module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.cungem.shared;
