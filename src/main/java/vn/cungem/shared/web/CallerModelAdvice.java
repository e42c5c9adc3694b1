package vn.cungem.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Callers;

/** Every page knows who is reading it, for the navigation and for what it shows or hides. */
@ControllerAdvice(annotations = Controller.class)
class CallerModelAdvice {

    @ModelAttribute("caller")
    Caller caller() {
        return Callers.current();
    }
}
