package org.guildhall.market.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;
import org.guildhall.platform.web.Messages;

/** What the market's pages share: showing a refusal where the user acts, and reading request parameters. */
final class MarketPages {

    private MarketPages() {
    }

    static String param(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    }

    /** Shows a refused action's reason: field errors at {@code clientId}, anything else as a global message. */
    static void show(String clientId, RuntimeException e) {
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

    static void info(String key, Object... args) {
        Messages.add(null, FacesMessage.SEVERITY_INFO, key, args);
    }
}
