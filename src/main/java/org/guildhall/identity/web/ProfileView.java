package org.guildhall.identity.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.guildhall.identity.api.AccountProfile;
import org.guildhall.identity.api.AccountService;
import org.guildhall.identity.api.ProfileChange;
import org.guildhall.platform.security.AuthenticatedCaller;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.ValidationFailedException;
import org.guildhall.platform.web.Messages;

/** The signed-in member's own profile ({@code /me}). */
@Named
@ViewScoped
public class ProfileView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    transient AccountService accounts;

    @Inject
    transient AuthenticatedCaller caller;

    private AccountProfile profile;
    private String displayName;
    private String bio;

    @PostConstruct
    void load() {
        caller.claims().ifPresent(c -> {
            profile = accounts.findBySubject(c.subject()).orElseGet(() -> accounts.signedIn(c));
            displayName = profile.displayName();
            bio = profile.bio();
        });
    }

    public void save() {
        if (profile == null) {
            return;
        }
        try {
            profile = accounts.updateProfile(profile.subject(), new ProfileChange(displayName, bio));
            displayName = profile.displayName();
            bio = profile.bio();
            Messages.add(null, FacesMessage.SEVERITY_INFO, "profile.saved");
        } catch (ValidationFailedException e) {
            for (FieldError error : e.errors()) {
                Messages.add("profile:" + error.field(), FacesMessage.SEVERITY_ERROR, error.code(), error.args().toArray());
            }
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public boolean isInRole(String role) {
        return caller.isInRole(role);
    }

    /** When the member joined, in their language, in UTC. */
    public String getJoined() {
        if (profile == null) {
            return "";
        }
        java.util.Locale locale = jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM)
                .withLocale(locale).withZone(java.time.ZoneOffset.UTC).format(profile.joinedAt()) + " UTC";
    }

    public AccountProfile getProfile() {
        return profile;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getBio() {
        return bio;
    }

    public void setBio(String bio) {
        this.bio = bio;
    }
}
