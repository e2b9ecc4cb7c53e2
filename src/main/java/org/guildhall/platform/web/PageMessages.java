package org.guildhall.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;

/** What pages share: showing a refused action's reason where the user acted, and reading request parameters. */
public final class PageMessages {

    private PageMessages() {
    }

    public static String param(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    }

    /** Shows a refused action's reason: field errors at {@code clientId}, anything else as a global message. */
    public static void show(String clientId, RuntimeException e) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (e instanceof ValidationFailedException v) {
            for (FieldError error : v.errors()) {
                faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, error.message(), null));
            }
        } else if (e instanceof RejectedException) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        } else {
            throw e;
        }
    }

    public static void info(String key, Object... args) {
        Messages.add(null, FacesMessage.SEVERITY_INFO, key, args);
    }
}
